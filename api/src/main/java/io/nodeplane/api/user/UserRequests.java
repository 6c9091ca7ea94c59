package io.nodeplane.api.user;

import io.nodeplane.events.user.UserRole;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** Bodies of the platform admin's user directory routes. */
final class UserRequests {

    private UserRequests() {
    }

    /** {@code POST /users}: an invitation. The invited user chooses their password. */
    record CreateUserRequest(
            @NotBlank @Email @Size(max = 320) @Schema(example = "ada@example.com") String email,
            @NotBlank @Size(max = 200) @Schema(example = "Ada Lovelace") String name,
            @Pattern(regexp = "platform_admin|user", message = "must be platform_admin or user")
            @Schema(allowableValues = {"platform_admin", "user"}, defaultValue = "user") String role,
            @Schema(hidden = true, description = "rejected: the user sets it when accepting the invitation") Object password) {
        @Override
        public String toString() {
            return "CreateUserRequest[email=" + email + ", role=" + role + "]";
        }
    }

    /** {@code PATCH /users/:userId}; omitted fields stay as they are. */
    record UpdateUserRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Pattern(regexp = "platform_admin|user", message = "must be platform_admin or user")
            @Schema(allowableValues = {"platform_admin", "user"}) String role,
            @Schema(description = "false deactivates (ends every session); a pending invitee cannot be activated")
            Boolean isActive) {
    }

    static UserRole role(String role) {
        return role == null ? null : UserRole.valueOf(role.toUpperCase(Locale.ROOT));
    }
}
