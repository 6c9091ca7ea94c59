package io.nodeplane.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials for {@code POST /auth/login}. */
public record LoginRequest(
        @NotBlank @Email @Size(max = 320) @Schema(example = "admin@example.com") String email,
        @NotBlank @Size(min = 8, max = 256) @Schema(example = "correct horse battery staple") String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
