package io.nodeplane.api.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rebuild that has begun.
 *
 * @param rebuildId  the {@code targetId} of its {@code projections.rebuild.started} audit entry
 * @param processors the event processors it replays, in the order they are reset
 */
record RebuildStartedResponse(UUID rebuildId, Instant startedAt, List<String> processors) {

    static RebuildStartedResponse of(Rebuild rebuild) {
        return new RebuildStartedResponse(rebuild.id, rebuild.startedAt, rebuild.processors);
    }
}
