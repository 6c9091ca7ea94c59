package io.nodeplane.projections.support;

import io.nodeplane.projections.support.ProjectionWrites.Announcer;
import io.nodeplane.query.realtime.RealtimeBus;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells open realtime connections that someone's access narrowed, once the batch that narrowed it is stored
 * (a re-check before that would still find the old membership or session). Nothing during a replay.
 */
@Component
public class AccessChanges {

    private record Scope(UUID userId, UUID workspaceId) {
    }

    private final Announcer<Scope> announcer;

    public AccessChanges(RealtimeBus bus) {
        this.announcer = scopes -> Mono.fromRunnable(() -> scopes.forEach(s -> bus.accessNarrowed(s.userId(),
                s.workspaceId())));
    }

    /** See {@link RealtimeBus#accessNarrowed}. */
    public void narrowed(UUID userId, UUID workspaceId) {
        ProjectionWrites.changed(announcer, new Scope(userId, workspaceId));
    }
}
