package io.nodeplane.api.realtime;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.security.StreamTickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges the caller's access token for a single-use ticket that browsers pass as {@code ?ticket=}. */
@RestController
@Tag(name = "Realtime")
@SecurityRequirement(name = "bearer")
class TicketController {

    private final StreamTickets tickets;

    TicketController(StreamTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/v1/realtime/ticket")
    @Operation(summary = "A single-use stream ticket", description = "Valid once, for 60 s, on "
            + "GET /api/v1/workspaces/{workspaceId}/stream and /api/v1/ws as `?ticket=`.")
    StreamTickets.Ticket ticket(@AuthenticationPrincipal AuthenticatedUser user) {
        return tickets.issue(user.view());
    }
}
