package io.nodeplane.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nodeplane.api.user.UserResponse;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A successful sign-in, or, for a user with multi-factor sign-in, the challenge to answer first
 * ({@code requiresMfa}, {@code mfaChallengeToken} and nothing else).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginResponse(
        @Schema(description = "Bearer token for the Authorization header; absent when MFA is required") String accessToken,
        @Schema(example = "1d", description = "Token lifetime") String expiresIn,
        UserResponse user,
        @Schema(example = "/dashboard", description = "Where the web app goes next") String redirectPath,
        @Schema(description = "true when the sign-in must be completed with a TOTP or recovery code") Boolean requiresMfa,
        @Schema(description = "Answer it at /auth/mfa/challenge/verify or /auth/mfa/recovery/verify within 5 minutes, once")
        String mfaChallengeToken) {

    public LoginResponse(String accessToken, String expiresIn, UserResponse user, String redirectPath) {
        this(accessToken, expiresIn, user, redirectPath, null, null);
    }

    static LoginResponse mfaRequired(String challengeToken) {
        return new LoginResponse(null, null, null, null, true, challengeToken);
    }

    @Override
    public String toString() {
        return "LoginResponse[user=" + (user == null ? null : user.id()) + ", requiresMfa=" + requiresMfa + "]";
    }
}
