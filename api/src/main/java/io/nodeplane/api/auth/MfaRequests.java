package io.nodeplane.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies and answers of the MFA routes. Codes, passwords and tokens never appear in {@code toString}. */
final class MfaRequests {

    private MfaRequests() {
    }

    /** {@code POST /auth/mfa/setup/confirm}. */
    record ConfirmMfaRequest(@NotBlank @Size(max = 16) @Schema(example = "123456") String code) {
        @Override
        public String toString() {
            return "ConfirmMfaRequest";
        }
    }

    /** {@code DELETE /auth/mfa}: exactly one of the two proves it is the user. */
    record DisableMfaRequest(@Size(max = 256) @Schema(nullable = true) String password,
                             @Size(max = 16) @Schema(nullable = true, example = "123456") String code) {
        @Override
        public String toString() {
            return "DisableMfaRequest";
        }
    }

    /** {@code POST /auth/mfa/recovery/regenerate}. */
    record RegenerateRecoveryCodesRequest(@NotBlank @Size(max = 16) @Schema(example = "123456") String code) {
        @Override
        public String toString() {
            return "RegenerateRecoveryCodesRequest";
        }
    }

    /** {@code POST /auth/mfa/challenge/verify}. */
    record VerifyMfaChallengeRequest(@NotBlank @Size(max = 128) String challengeToken,
                                     @NotBlank @Size(max = 16) @Schema(example = "123456") String code) {
        @Override
        public String toString() {
            return "VerifyMfaChallengeRequest";
        }
    }

    /** {@code POST /auth/mfa/recovery/verify}. */
    record VerifyRecoveryCodeRequest(@NotBlank @Size(max = 128) String challengeToken,
                                     @NotBlank @Size(max = 64) @Schema(example = "abcde-fghij") String recoveryCode) {
        @Override
        public String toString() {
            return "VerifyRecoveryCodeRequest";
        }
    }

    /** A new secret, shown once: type it in or scan the URI as a QR code. */
    @Schema(name = "MfaSetup")
    record MfaSetupResponse(@Schema(description = "base32, for manual entry") String secret,
                            @Schema(example = "otpauth://totp/Nodeplane:ada@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Nodeplane")
                            String otpauthUrl) {
        @Override
        public String toString() {
            return "MfaSetupResponse";
        }
    }

    /** One-time recovery codes, shown once; each signs in once in place of a TOTP code. */
    @Schema(name = "MfaRecoveryCodes")
    record RecoveryCodesResponse(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodesResponse";
        }
    }
}
