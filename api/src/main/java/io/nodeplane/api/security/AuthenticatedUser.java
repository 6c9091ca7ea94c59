package io.nodeplane.api.security;

import java.util.UUID;

/** The signed-in user of a request, as verified against the current {@code user_view} row. */
public record AuthenticatedUser(UUID id, String email, String name, String role) {

    public boolean isPlatformAdmin() {
        return "platform_admin".equals(role);
    }
}
