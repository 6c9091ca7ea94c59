package io.nodeplane.api.user;

import io.nodeplane.api.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
class UserController {

    @GetMapping("/me")
    @Operation(summary = "The signed-in user", description = "401 without a valid token, or when the token's "
            + "session was revoked (sessionVersion changed) or the user was deactivated.")
    UserResponse me(@AuthenticationPrincipal AuthenticatedUser principal) {
        // the row was read (and checked) while authenticating this very request
        return UserResponse.of(principal.view());
    }
}
