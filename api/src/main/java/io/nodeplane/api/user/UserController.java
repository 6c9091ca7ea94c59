package io.nodeplane.api.user;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.query.user.UserQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
class UserController {

    private final UserQueryService users;

    UserController(UserQueryService users) {
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user", description = "401 without a valid token, or when the token's "
            + "session was revoked (sessionVersion changed) or the user was deactivated.")
    Mono<UserResponse> me(@AuthenticationPrincipal AuthenticatedUser principal) {
        return users.byId(principal.id()).map(UserResponse::of)
                .switchIfEmpty(Mono.error(ApiException.unauthorized("Unauthorized")));
    }
}
