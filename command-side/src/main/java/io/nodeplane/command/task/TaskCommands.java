package io.nodeplane.command.task;

import io.nodeplane.events.task.TaskOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on tasks. Ids are chosen by the server before dispatch; agent commands name the calling node. */
public final class TaskCommands {

    private TaskCommands() {
    }

    /** What to run: the same for every node of a batch or team run. */
    public record TaskSpec(String type, Map<String, Object> payload, Integer timeoutSeconds, TaskOrigin origin) {
    }

    /** One node of a run and the id its task gets. */
    public record Target(UUID nodeId, UUID taskId) {
    }

    /**
     * Queues one task per target in one transaction. Without {@code teamId} it is all or nothing (a
     * single create or a batch: the first invalid node rejects the whole command); with {@code teamId},
     * nodes that left the team or are in maintenance are skipped and reported. Answers a {@link TaskRun}.
     */
    public record CreateTasksCommand(UUID workspaceId, List<Target> targets, TaskSpec spec, UUID teamId,
                                     UUID byUserId) {
    }

    /** The agent of {@code nodeId} takes the task for {@code lease}; answers the {@link TaskSnapshot}. */
    public record ClaimTaskCommand(@TargetAggregateIdentifier UUID taskId, UUID nodeId, UUID claimToken,
                                   Duration lease) {
    }

    /** The agent confirms a claimed task; answers its status. */
    public record AcknowledgeTaskCommand(@TargetAggregateIdentifier UUID taskId, UUID nodeId) {
    }

    /** The agent starts running the task ({@code startedAt} by the agent's clock). */
    public record StartTaskCommand(@TargetAggregateIdentifier UUID taskId, UUID nodeId, Instant startedAt) {
    }

    /** The agent reports the end of the task, with the fields of contract §1.6 {@code completed}. */
    public record CompleteTaskCommand(@TargetAggregateIdentifier UUID taskId, UUID nodeId, String status,
                                      Map<String, Object> result, String output, Integer exitCode, String error,
                                      Instant timestamp, Long durationMs) {
    }

    /** An operator cancels; {@code workspaceId} of the route, {@code null} for the platform-admin route. */
    public record CancelTaskCommand(@TargetAggregateIdentifier UUID taskId, UUID workspaceId, String reason,
                                    UUID byUserId) {
    }

    /** Re-queue the task if its claim lease has ended; answers whether it did. */
    public record ExpireTaskLeaseCommand(@TargetAggregateIdentifier UUID taskId) {
    }

    /** Fail the task if it has been queued or running for too long; answers whether it did. */
    public record FailStaleTaskCommand(@TargetAggregateIdentifier UUID taskId, Duration queuedTimeout,
                                       Duration runningTimeout) {
    }

    /** The tasks a create command queued, and the team's nodes it skipped with the reason. */
    public record TaskRun(List<TaskSnapshot> created, List<Skipped> skipped) {
    }

    /** A node of a team run that got no task. */
    public record Skipped(UUID nodeId, String nodeName, String reason) {
    }
}
