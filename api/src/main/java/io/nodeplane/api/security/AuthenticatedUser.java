package io.nodeplane.api.security;

import io.nodeplane.api.web.ApiException;
import io.nodeplane.query.user.UserView;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The signed-in user of a request, with the {@code user_view} row it was verified against (active,
 * same session version) when the request arrived.
 */
public record AuthenticatedUser(UserView view) {

    public UUID id() {
        return view.id();
    }

    public String email() {
        return view.email();
    }

    /** Platform admins may act in every workspace. */
    public boolean isPlatformAdmin() {
        return "platform_admin".equals(view.role());
    }

    /** Completes empty for a platform admin, with 403 "Forbidden resource" for anyone else (legacy routes). */
    public Mono<Void> requirePlatformAdmin() {
        return isPlatformAdmin() ? Mono.empty()
                : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden resource"));
    }
}
