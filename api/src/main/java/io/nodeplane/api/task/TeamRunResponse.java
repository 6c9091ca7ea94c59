package io.nodeplane.api.task;

import java.util.List;
import java.util.UUID;

/** A team run: one task per eligible node of the team, and the nodes skipped with the reason. */
record TeamRunResponse(UUID teamId, List<TaskResponse> created, List<SkippedNode> skipped, int createdCount,
                       int skippedCount) {

    /** {@code reason}: {@code maintenance}, {@code root-access-denied} or {@code not-in-team}. */
    record SkippedNode(UUID nodeId, String nodeName, String reason) {
    }
}
