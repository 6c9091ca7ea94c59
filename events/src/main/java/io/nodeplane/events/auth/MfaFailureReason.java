package io.nodeplane.events.auth;

/** Why an answer to a sign-in challenge was refused. */
public enum MfaFailureReason {
    /** Unknown, used, replaced or expired challenge token. */
    INVALID_CHALLENGE,
    /** The TOTP code matches no time step in the accepted window. */
    WRONG_CODE,
    /** The TOTP code's time step was already used. */
    REPLAYED_CODE,
    /** Unknown or already used recovery code. */
    WRONG_RECOVERY_CODE
}
