package io.nodeplane.query.event;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** Operational events of a workspace, newest first. */
@Service
public class OperationalEventQueryService {

    private final OperationalEventRepository events;

    OperationalEventQueryService(OperationalEventRepository events) {
        this.events = events;
    }

    /** Filters are optional ({@code null} = any); {@code limit} must already be clamped. */
    public Flux<OperationalEvent> events(UUID workspaceId, UUID nodeId, String severity, String type, int limit) {
        return events.find(workspaceId, nodeId, severity, type, limit);
    }

    /** Events whose lower-cased message matches the LIKE {@code pattern} (see {@code Like}), newest first. */
    public Flux<OperationalEvent> search(UUID workspaceId, String pattern, int limit) {
        return events.search(workspaceId, pattern, limit);
    }
}
