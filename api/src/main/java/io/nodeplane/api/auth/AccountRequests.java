package io.nodeplane.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Bodies and answers of the invitation and password routes. Passwords never appear in {@code toString}. */
final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code POST /auth/invitations/:token/accept}. */
    record AcceptInvitationRequest(
            @Size(max = 200) @Schema(description = "keeps the invited name when omitted") String name,
            @NotBlank @Size(min = 8, max = 256) String password) {
        @Override
        public String toString() {
            return "AcceptInvitationRequest[name=" + name + "]";
        }
    }

    /** {@code POST /auth/password/forgot}. */
    record ForgotPasswordRequest(@NotBlank @Email @Size(max = 320) @Schema(example = "ada@example.com") String email) {
    }

    /** {@code POST /auth/password/reset/:token}. */
    record ResetPasswordRequest(@NotBlank @Size(min = 8, max = 256) String password) {
        @Override
        public String toString() {
            return "ResetPasswordRequest";
        }
    }

    /** {@code POST /users/me/password}. */
    record ChangePasswordRequest(@NotBlank @Size(max = 256) String currentPassword,
                                 @NotBlank @Size(min = 8, max = 256) String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordRequest";
        }
    }

    /** What a link leads to, shown before it is redeemed. */
    @Schema(name = "TokenPreview")
    record TokenPreview(String email, @Schema(nullable = true) String name, Instant expiresAt) {
    }

    /** A done action. */
    @Schema(name = "Done")
    record Done(boolean success, String message) {
    }
}
