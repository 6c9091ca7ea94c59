package io.nodeplane.events.auth;

/** Why a sign-in attempt was refused. */
public enum LoginFailureReason {
    UNKNOWN_EMAIL,
    WRONG_PASSWORD,
    INACTIVE_USER
}
