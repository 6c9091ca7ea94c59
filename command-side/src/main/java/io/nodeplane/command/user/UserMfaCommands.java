package io.nodeplane.command.user;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of TOTP multi-factor sign-in. The API checks codes (it holds the encryption key) and
 * passes the matching RFC 6238 time step; the handlers re-check every rule under row locks, refuse a
 * step that is not newer than the last accepted one, and store secrets only as encrypted boxes and
 * recovery codes and challenge tokens only as hashes. None of them is ever printed.
 */
public final class UserMfaCommands {

    private UserMfaCommands() {
    }

    /** Start (or restart) setup with a new pending secret; 409 when MFA is already on. */
    public record StartMfaSetupCommand(@TargetAggregateIdentifier UUID userId, UUID setupId, byte[] encryptedSecret) {
        @Override
        public String toString() {
            return "StartMfaSetupCommand[userId=" + userId + ", setupId=" + setupId + "]";
        }
    }

    /** A code of {@code step} proved the pending secret of {@code setupId}: turn MFA on with these recovery codes. */
    public record EnableMfaCommand(@TargetAggregateIdentifier UUID userId, UUID setupId, long step,
                                   List<String> recoveryCodeHashes) {
        @Override
        public String toString() {
            return "EnableMfaCommand[userId=" + userId + ", setupId=" + setupId + "]";
        }
    }

    /**
     * Turn MFA off. {@code proof} is {@code "password"} (checked by the caller) or {@code "code"}, then
     * {@code step} is the code's time step, refused when not newer than the last accepted one.
     */
    public record DisableMfaCommand(@TargetAggregateIdentifier UUID userId, String proof, long step) {
    }

    /** Replace every recovery code; {@code step} is the time step of the TOTP code that authorised it. */
    public record RegenerateRecoveryCodesCommand(@TargetAggregateIdentifier UUID userId, long step,
                                                 List<String> recoveryCodeHashes) {
        @Override
        public String toString() {
            return "RegenerateRecoveryCodesCommand[userId=" + userId + "]";
        }
    }

    /** The user proved their password; store a 5-minute sign-in challenge (by its hash) for the second factor. */
    public record IssueMfaChallengeCommand(UUID userId, String email, String tokenHash) {
        @Override
        public String toString() {
            return "IssueMfaChallengeCommand[userId=" + userId + "]";
        }
    }

    /** Answer a challenge with a TOTP code of {@code step}; answers the user's id. 401 on any refusal. */
    public record AnswerMfaChallengeCommand(String tokenHash, UUID userId, long step) {
        @Override
        public String toString() {
            return "AnswerMfaChallengeCommand[userId=" + userId + "]";
        }
    }

    /** Answer a challenge with a recovery code (by its hash); answers the user's id. 401 on any refusal. */
    public record AnswerMfaChallengeWithRecoveryCodeCommand(String tokenHash, UUID userId, String recoveryCodeHash) {
        @Override
        public String toString() {
            return "AnswerMfaChallengeWithRecoveryCodeCommand[userId=" + userId + "]";
        }
    }
}
