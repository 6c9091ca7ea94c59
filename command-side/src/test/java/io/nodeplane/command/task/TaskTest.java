package io.nodeplane.command.task;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.task.TaskCommands.AcknowledgeTaskCommand;
import io.nodeplane.command.task.TaskCommands.CancelTaskCommand;
import io.nodeplane.command.task.TaskCommands.ClaimTaskCommand;
import io.nodeplane.command.task.TaskCommands.CompleteTaskCommand;
import io.nodeplane.command.task.TaskCommands.ExpireTaskLeaseCommand;
import io.nodeplane.command.task.TaskCommands.FailStaleTaskCommand;
import io.nodeplane.command.task.TaskCommands.StartTaskCommand;
import io.nodeplane.events.task.TaskCancelRequestedEvent;
import io.nodeplane.events.task.TaskCancelledEvent;
import io.nodeplane.events.task.TaskClaimedEvent;
import io.nodeplane.events.task.TaskCompletedEvent;
import io.nodeplane.events.task.TaskCreatedEvent;
import io.nodeplane.events.task.TaskFailedEvent;
import io.nodeplane.events.task.TaskLeaseExpiredEvent;
import io.nodeplane.events.task.TaskOrigin;
import io.nodeplane.events.task.TaskStartedEvent;
import io.nodeplane.events.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task state machine of contract §1.6 / §2.2, every 409 included. */
class TaskTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final UUID taskId = UUID.randomUUID();
    private final UUID nodeId = UUID.randomUUID();
    private final UUID workspaceId = UUID.randomUUID();
    private final UUID token = UUID.randomUUID();
    private final UUID otherNode = UUID.randomUUID();
    private FixtureConfiguration<Task> fixture;
    private MutableClock clock;

    /** Maps commands straight to the aggregate's decisions, with the test's clock. */
    static final class Decisions {
        private final Repository<Task> tasks;
        private final Clock clock;
        private boolean maintenance;

        Decisions(Repository<Task> tasks, Clock clock) {
            this.tasks = tasks;
            this.clock = clock;
        }

        @CommandHandler
        TaskSnapshot handle(ClaimTaskCommand c) {
            Instant now = clock.instant();
            return tasks.load(c.taskId().toString()).invoke(t -> t.claim(c.nodeId(), c.claimToken(), now, now.plus(c.lease())));
        }

        @CommandHandler
        TaskStatus handle(AcknowledgeTaskCommand c) {
            return tasks.load(c.taskId().toString()).invoke(t -> t.acknowledge(c.nodeId()));
        }

        @CommandHandler
        TaskSnapshot handle(StartTaskCommand c) {
            return tasks.load(c.taskId().toString()).invoke(t -> t.start(c.nodeId(), c.startedAt(), clock.instant()));
        }

        @CommandHandler
        TaskSnapshot handle(CompleteTaskCommand c) {
            Completion completion = TaskResults.completion(c, clock.instant());
            return tasks.load(c.taskId().toString()).invoke(t -> t.complete(c.nodeId(), completion));
        }

        @CommandHandler
        TaskSnapshot handle(CancelTaskCommand c) {
            return tasks.load(c.taskId().toString()).invoke(t -> t.cancel(c.reason(), c.byUserId()));
        }

        @CommandHandler
        boolean handle(ExpireTaskLeaseCommand c) {
            return tasks.load(c.taskId().toString()).invoke(t -> t.expireLease(clock.instant()));
        }

        @CommandHandler
        boolean handle(FailStaleTaskCommand c) {
            return tasks.load(c.taskId().toString()).invoke(
                    t -> t.failIfStale(clock.instant(), c.queuedTimeout(), c.runningTimeout(), maintenance));
        }
    }

    static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Decisions decisions;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        clock = new MutableClock();
        decisions = new Decisions(fixture.getRepository(), clock);
        fixture.registerAnnotatedCommandHandler(decisions);
        fixture.givenCurrentTime(T0);
    }

    private TaskCreatedEvent created() {
        return new TaskCreatedEvent(taskId, workspaceId, nodeId, "web-1", "shell.exec", "{\"command\":\"hostname\"}", null,
                TaskOrigin.DIRECT, UUID.randomUUID());
    }

    private TaskClaimedEvent claimed() {
        return new TaskClaimedEvent(taskId, workspaceId, nodeId, token, T0.plus(LEASE), false);
    }

    private TaskStartedEvent started() {
        return new TaskStartedEvent(taskId, workspaceId, nodeId, "shell.exec", T0.plusSeconds(1));
    }

    private CompleteTaskCommand complete(String status, String output) {
        return new CompleteTaskCommand(taskId, nodeId, status, null, output, 0, null, T0.plusSeconds(3), 25L);
    }

    @Test
    void claimsQueuedTaskWithLeaseFromNow() {
        fixture.given(created())
                .when(new ClaimTaskCommand(taskId, nodeId, token, LEASE))
                .expectEvents(new TaskClaimedEvent(taskId, workspaceId, nodeId, token, T0.plus(LEASE), false))
                .expectResultMessagePayloadMatching(Matchers.predicate(
                        r -> ((TaskSnapshot) r).status() == TaskStatus.ACCEPTED && nodeId.equals(((TaskSnapshot) r).claimedBy())));
    }

    @Test
    void rejectsSecondClaimWhileLeaseIsLive() {
        fixture.given(created(), claimed())
                .when(new ClaimTaskCommand(taskId, nodeId, UUID.randomUUID(), LEASE))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Task " + taskId + " is accepted and cannot be claimed");
    }

    @Test
    void reclaimsTaskWhoseLeaseExpired() {
        clock.now = T0.plus(LEASE);
        UUID second = UUID.randomUUID();
        fixture.given(created(), claimed())
                .when(new ClaimTaskCommand(taskId, nodeId, second, LEASE))
                .expectEvents(new TaskClaimedEvent(taskId, workspaceId, nodeId, second, T0.plus(LEASE).plus(LEASE), true));
    }

    @Test
    void rejectsClaimOfCancelledTask() {
        fixture.given(created(), new TaskCancelledEvent(taskId, workspaceId, nodeId, "shell.exec", TaskStatus.QUEUED, null,
                        TaskResults.cancelledBeforeRun(null), null))
                .when(new ClaimTaskCommand(taskId, nodeId, token, LEASE))
                .expectNoEvents()
                .expectExceptionMessage("Task " + taskId + " is cancelled and cannot be claimed");
    }

    @Test
    void rejectsClaimByAnotherNodeAsNotFound() {
        fixture.given(created())
                .when(new ClaimTaskCommand(taskId, otherNode, token, LEASE))
                .expectNoEvents()
                .expectExceptionMessage("Task " + taskId + " was not found for node " + otherNode);
    }

    @Test
    void acceptedOfQueuedTaskIsConflict() {
        fixture.given(created())
                .when(new AcknowledgeTaskCommand(taskId, nodeId))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Task " + taskId + " is in queued state and cannot be accepted");
    }

    @Test
    void acceptedOfClaimedTaskChangesNothing() {
        fixture.given(created(), claimed())
                .when(new AcknowledgeTaskCommand(taskId, nodeId))
                .expectNoEvents()
                .expectResultMessagePayload(TaskStatus.ACCEPTED);
    }

    @Test
    void startsClaimedTaskAtAgentTimestamp() {
        fixture.given(created(), claimed())
                .when(new StartTaskCommand(taskId, nodeId, T0.plusSeconds(1)))
                .expectEvents(started());
    }

    @Test
    void startingTwiceIsANoOp() {
        fixture.given(created(), claimed(), started())
                .when(new StartTaskCommand(taskId, nodeId, T0.plusSeconds(2)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> ((TaskSnapshot) r).status() == TaskStatus.RUNNING));
    }

    @Test
    void startRejectsQueuedForeignExpiredAndFinishedTasks() {
        fixture.given(created())
                .when(new StartTaskCommand(taskId, nodeId, T0))
                .expectExceptionMessage("Task " + taskId + " must be accepted before it can be started");
        fixture.given(created(), claimed())
                .when(new StartTaskCommand(taskId, otherNode, T0))
                .expectExceptionMessage("Task " + taskId + " was not found for node " + otherNode);
        clock.now = T0.plus(LEASE).plusSeconds(1);
        fixture.given(created(), claimed())
                .when(new StartTaskCommand(taskId, nodeId, T0))
                .expectNoEvents()
                .expectExceptionMessage("Task " + taskId + " lease expired before started transition");
        fixture.given(created(), claimed(), started(), completedEvent(TaskStatus.SUCCESS, "success"))
                .when(new StartTaskCommand(taskId, nodeId, T0))
                .expectNoEvents()
                .expectExceptionMessage("Task " + taskId + " is already success and cannot be started");
    }

    private TaskCompletedEvent completedEvent(TaskStatus status, String reported) {
        return new TaskCompletedEvent(taskId, workspaceId, nodeId, "shell.exec", status, reported, T0.plusSeconds(3), 0,
                "{}", "ok", false);
    }

    @Test
    void completesRunningTaskWithDefaultResult() {
        fixture.given(created(), claimed(), started())
                .when(complete("success", "web-1\n"))
                .expectEvents(new TaskCompletedEvent(taskId, workspaceId, nodeId, "shell.exec", TaskStatus.SUCCESS, "success",
                        T0.plusSeconds(3), 0, "{\"exitCode\":0,\"durationMs\":25,\"completedAt\":\"2026-11-23T10:00:03Z\"}",
                        "web-1\n", false));
    }

    @Test
    void timeoutIsStoredAsFailedWithReasonAndCanceledAsCancelled() {
        fixture.given(created(), claimed(), started())
                .when(complete("timeout", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.predicate(e ->
                        e instanceof TaskCompletedEvent c && c.status() == TaskStatus.FAILED
                                && c.result().contains("\"reason\":\"timeout\"")), Matchers.andNoMore())));
        fixture.given(created(), claimed(), started())
                .when(complete("canceled", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.predicate(e ->
                        e instanceof TaskCompletedEvent c && c.status() == TaskStatus.CANCELLED), Matchers.andNoMore())));
    }

    @Test
    void truncatesStoredOutputTo8000Characters() {
        fixture.given(created(), claimed(), started())
                .when(complete("success", "x".repeat(9000)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.predicate(e ->
                        e instanceof TaskCompletedEvent c && c.output().length() == 8000 && c.outputTruncated()),
                        Matchers.andNoMore())));
    }

    @Test
    void completionRulesForAcceptedRepeatedAndConflictingReports() {
        fixture.given(created(), claimed())
                .when(complete("success", "x"))
                .expectNoEvents()
                .expectExceptionMessage("Task " + taskId + " is in accepted state and cannot be completed before it is started");
        fixture.given(created(), claimed(), started(), completedEvent(TaskStatus.SUCCESS, "success"))
                .when(complete("success", "x"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(created(), claimed(), started(), completedEvent(TaskStatus.SUCCESS, "success"))
                .when(complete("failed", "x"))
                .expectNoEvents()
                .expectExceptionMessage("Task " + taskId + " is already success and cannot transition to failed");
        fixture.given(created(), claimed(), started())
                .when(complete("exploded", "x"))
                .expectNoEvents()
                .expectExceptionMessage("status must be one of success, failed, timeout, cancelled, canceled");
    }

    @Test
    void cancelBeforeRunEndsTheTask() {
        fixture.given(created(), claimed())
                .when(new CancelTaskCommand(taskId, workspaceId, "wrong node", null))
                .expectEvents(new TaskCancelledEvent(taskId, workspaceId, nodeId, "shell.exec", TaskStatus.ACCEPTED,
                        "wrong node", "{\"reason\":\"cancel-requested-before-run\",\"cancelReason\":\"wrong node\"}", null));
    }

    @Test
    void cancelWhileRunningOnlyRequestsItOnce() {
        fixture.given(created(), claimed(), started())
                .when(new CancelTaskCommand(taskId, workspaceId, "stop", null))
                .expectEvents(new TaskCancelRequestedEvent(taskId, workspaceId, nodeId, "shell.exec", "stop", null));
        fixture.given(created(), claimed(), started(),
                        new TaskCancelRequestedEvent(taskId, workspaceId, nodeId, "shell.exec", "stop", null))
                .when(new CancelTaskCommand(taskId, workspaceId, "stop", null))
                .expectNoEvents();
        fixture.given(created(), claimed(), started(), completedEvent(TaskStatus.FAILED, "failed"))
                .when(new CancelTaskCommand(taskId, workspaceId, null, null))
                .expectNoEvents()
                .expectExceptionMessage("Task " + taskId + " is already failed and cannot be cancelled");
    }

    @Test
    void cancelRequestedTaskIsNeverClaimedAgain() {
        clock.now = T0.plus(LEASE).plusSeconds(1);
        fixture.given(created(), claimed(), started(),
                        new TaskCancelRequestedEvent(taskId, workspaceId, nodeId, "shell.exec", "stop", null))
                .when(new ClaimTaskCommand(taskId, nodeId, token, LEASE))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void expiredLeaseRequeuesOnceAndLiveLeaseStays() {
        fixture.given(created(), claimed())
                .when(new ExpireTaskLeaseCommand(taskId))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        clock.now = T0.plus(LEASE);
        fixture.given(created(), claimed())
                .when(new ExpireTaskLeaseCommand(taskId))
                .expectEvents(new TaskLeaseExpiredEvent(taskId, workspaceId, nodeId, T0.plus(LEASE)))
                .expectResultMessagePayload(true);
        fixture.given(created(), claimed(), new TaskLeaseExpiredEvent(taskId, workspaceId, nodeId, T0.plus(LEASE)))
                .when(new ExpireTaskLeaseCommand(taskId))
                .expectNoEvents();
    }

    @Test
    void staleQueuedAndRunningTasksFail() {
        FailStaleTaskCommand check = new FailStaleTaskCommand(taskId, Duration.ofSeconds(120), Duration.ofSeconds(1800));
        clock.now = T0.plusSeconds(119);
        fixture.given(created()).when(check).expectNoEvents();
        clock.now = T0.plusSeconds(120);
        fixture.given(created()).when(check).expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                Matchers.predicate(e -> e instanceof TaskFailedEvent f && f.previousStatus() == TaskStatus.QUEUED
                        && f.reason().equals("stale-timeout") && f.result().contains("\"previousStatus\":\"queued\"")),
                Matchers.andNoMore())));
        decisions.maintenance = true;
        fixture.given(created()).when(check).expectNoEvents();
        decisions.maintenance = false;
        clock.now = T0.plusSeconds(1 + 1800);
        fixture.given(created(), claimed(), started()).when(check).expectEventsMatching(Matchers.payloadsMatching(
                Matchers.exactSequenceOf(Matchers.predicate(e -> e instanceof TaskFailedEvent f
                        && f.previousStatus() == TaskStatus.RUNNING), Matchers.andNoMore())));
    }

    @Test
    void completionResultGivenByAgentIsKept() {
        fixture.given(created(), claimed(), started())
                .when(new CompleteTaskCommand(taskId, nodeId, "success", Map.of("packages", java.util.List.of("curl")), null, 0,
                        null, T0.plusSeconds(3), 5L))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.predicate(e ->
                        e instanceof TaskCompletedEvent c && c.result().equals("{\"packages\":[\"curl\"]}") && c.output() == null),
                        Matchers.andNoMore())));
    }
}
