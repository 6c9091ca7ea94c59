package io.nodeplane.api.auth;

import io.nodeplane.api.user.UserResponse;
import io.swagger.v3.oas.annotations.media.Schema;

/** A successful sign-in. */
public record LoginResponse(
        @Schema(description = "Bearer token for the Authorization header") String accessToken,
        @Schema(example = "1d", description = "Token lifetime") String expiresIn,
        UserResponse user,
        @Schema(example = "/dashboard", description = "Where the web app goes next") String redirectPath) {
}
