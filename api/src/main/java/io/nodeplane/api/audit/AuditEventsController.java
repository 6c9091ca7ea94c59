package io.nodeplane.api.audit;

import io.nodeplane.api.web.ApiException;
import io.nodeplane.query.audit.StoredEventQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** Raw events for auditors: a page by global index, and a live stream resumable by {@code Last-Event-ID}. */
@RestController
@RequestMapping("/api/v1/audit/events")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditEventsController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final StoredEventQueryService events;

    AuditEventsController(StoredEventQueryService events) {
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "Stored events after a global index (platform admins)",
            description = "In global order. Page by passing the last globalIndex you received as `after`. "
                    + "limit is clamped to 1..1000 (default 100).")
    Flux<StoredEventResponse> page(
            @Parameter(description = "return events with a greater global index (default 0)")
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        return events.after(requirePosition(after), limit).map(StoredEventResponse::of);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Replay then follow the event store as Server-Sent Events (platform admins)",
            description = "Each SSE `id` is the event's global index. Reconnect with `Last-Event-ID` (or `after`) to "
                    + "resume exactly after the last event received. Comment heartbeats every 15 s.")
    Flux<ServerSentEvent<StoredEventResponse>> stream(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) Long after) {
        long from = lastEventId != null && !lastEventId.isBlank() ? parse(lastEventId) : (after == null ? 0 : after);
        Flux<ServerSentEvent<StoredEventResponse>> stored = events.follow(requirePosition(from))
                .map(e -> ServerSentEvent.builder(StoredEventResponse.of(e))
                        .id(Long.toString(e.globalIndex())).event("event").build());
        Flux<ServerSentEvent<StoredEventResponse>> heartbeats = Flux.interval(HEARTBEAT)
                .map(i -> ServerSentEvent.<StoredEventResponse>builder().comment("heartbeat").build());
        return Flux.merge(stored, heartbeats);
    }

    private static long parse(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_LAST_EVENT_ID", "Last-Event-ID must be a global index");
        }
    }

    private static long requirePosition(long position) {
        if (position < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_POSITION", "after must be 0 or greater");
        }
        return position;
    }
}
