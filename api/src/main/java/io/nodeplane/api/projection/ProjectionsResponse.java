package io.nodeplane.api.projection;

import java.time.Instant;
import java.util.List;

/**
 * The read models' event processors and the last rebuild of this instance.
 *
 * @param rebuilding      a rebuild started here has not finished yet
 * @param startedAt       start of the last rebuild ({@code null}: none since this instance started)
 * @param finishedAt      when every processor of the last rebuild had finished its replay
 * @param headGlobalIndex the highest global index in the event store when this answer was made
 */
record ProjectionsResponse(boolean rebuilding, Instant startedAt, Instant finishedAt, long headGlobalIndex,
                           List<Processor> processors) {

    /**
     * @param position   the global index the processor has reached ({@code null} while it has no segment)
     * @param caughtUp   running, not replaying, and at or past {@code headGlobalIndex} (a moment's lag under
     *                   load shows as {@code false})
     * @param finishedAt when it finished its replay in the last rebuild
     * @param error      why it could not be reset in the last rebuild, or why it is failing now
     */
    record Processor(String name, boolean replaying, Long position, boolean caughtUp, Instant finishedAt,
                     String error) {
    }
}
