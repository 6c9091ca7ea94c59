package io.nodeplane.events.auth;

/**
 * Sign-in facts. They are audit records, not aggregate state: they are appended to the event store
 * without an aggregate so that frequent sign-ins never grow a user's event stream.
 */
public sealed interface AuthEvent permits LoginSucceededEvent, LoginFailedEvent, MfaChallengeIssuedEvent,
        MfaVerificationFailedEvent, LoginThrottledEvent {
    /** The e-mail address the attempt was made with, normalised to lower case ({@code null} when it named none). */
    String email();
}
