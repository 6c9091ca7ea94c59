package io.nodeplane.events.auth;

import org.axonframework.serialization.Revision;

/**
 * An attempt on a public authentication route was refused with 429 before it was examined, because
 * too many attempts failed recently for the account or from the caller's address. Recorded once per
 * lock-out, not once per refused request, so a flood cannot grow the event store.
 *
 * @param email             the address the attempt named (lower case), or {@code null} on the link routes
 * @param route             which route was refused
 * @param limitedBy         which counter was exhausted
 * @param retryAfterSeconds when the caller was told to try again
 */
@Revision("1")
public record LoginThrottledEvent(String email, Route route, LimitedBy limitedBy, long retryAfterSeconds)
        implements AuthEvent {

    /** The public routes that are limited. */
    public enum Route {
        LOGIN,
        PASSWORD_FORGOT,
        PASSWORD_RESET,
        INVITATION,
        /** The second step of an MFA sign-in (a TOTP or a recovery code). */
        MFA
    }

    /** The exhausted counter: the account's failures or the address's. */
    public enum LimitedBy {
        ACCOUNT,
        IP
    }
}
