package io.nodeplane.api.task;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.jobs.ClusterLock;
import io.nodeplane.command.task.TaskCommands.ExpireTaskLeaseCommand;
import io.nodeplane.command.task.TaskCommands.FailStaleTaskCommand;
import io.nodeplane.query.task.TaskQueryService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Contract §2.2 stale detection, on one instance at a time: claims whose lease ended are re-queued
 * (which wakes the node's waiting claims), tasks queued or running for too long fail with
 * {@code stale-timeout}. The read model proposes candidates; each task decides for itself.
 */
@Component
class StaleTaskDetector {

    private static final Logger log = LoggerFactory.getLogger(StaleTaskDetector.class);
    private static final long LOCK = 0x7374616c655f7473L; // "stale_ts"
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BATCH = 500;

    private final ClusterLock locks;
    private final TaskQueryService tasks;
    private final Commands commands;
    private final TaskProperties properties;
    private final Clock clock;

    StaleTaskDetector(ClusterLock locks, TaskQueryService tasks, Commands commands, TaskProperties properties, Clock clock) {
        this.locks = locks;
        this.tasks = tasks;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT${nodeplane.tasks.stale-check-interval-seconds}S",
            fixedDelayString = "PT${nodeplane.tasks.stale-check-interval-seconds}S")
    void check() {
        locks.run(LOCK, () -> {
            Instant now = clock.instant();
            Duration queued = Duration.ofSeconds(properties.queuedTimeoutSeconds());
            Duration running = Duration.ofSeconds(properties.runningTimeoutSeconds());
            each(tasks.expiredLeases(now, BATCH).collectList().block(TIMEOUT), ExpireTaskLeaseCommand::new);
            each(tasks.queuedSince(now.minus(queued), BATCH).collectList().block(TIMEOUT),
                    id -> new FailStaleTaskCommand(id, queued, running));
            each(tasks.runningSince(now.minus(running), BATCH).collectList().block(TIMEOUT),
                    id -> new FailStaleTaskCommand(id, queued, running));
        });
    }

    private void each(List<UUID> ids, Function<UUID, Object> command) {
        for (UUID id : ids == null ? List.<UUID>of() : ids) {
            try {
                commands.send(command.apply(id), Actor.system("stale-task-detector")).block(TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("Stale check of task {} failed: {}", id, e.toString());
            }
        }
    }
}
