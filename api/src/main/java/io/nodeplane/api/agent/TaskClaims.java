package io.nodeplane.api.agent;

import io.nodeplane.api.agent.AgentTaskRequests.RootAccessReport;
import io.nodeplane.api.agent.ClaimWaiters.Waiter;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.task.TaskProperties;
import io.nodeplane.api.task.TaskResponse;
import io.nodeplane.command.node.NodeCommands.ReportNodeRootAccessCommand;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.task.TaskCommands.ClaimTaskCommand;
import io.nodeplane.command.task.TaskSnapshot;
import io.nodeplane.query.task.ClaimLookup;
import io.nodeplane.query.task.TaskQueryService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The long-poll claim (contract §1.5), event-driven: register as a waiter, look for the node's oldest
 * claimable task, and if there is none wait for a wake signal (never a sleep loop) until {@code waitMs}.
 * Every candidate is claimed through a command, so the task aggregate is the single arbiter: a claim
 * that loses the race moves on to the next candidate or keeps waiting.
 */
@Service
class TaskClaims {

    static final int DEFAULT_WAIT_MS = 15_000;
    static final int MAX_WAIT_MS = 30_000;
    private static final int CANDIDATES = 5;
    private static final Logger log = LoggerFactory.getLogger(TaskClaims.class);

    record RootAccess(String profile, Instant updatedAt) {
    }

    record ClaimResponse(TaskResponse task, boolean outputTruncated, RootAccess rootAccess) {
    }

    /** Counters for {@code /diagnostics/task-flow}. */
    final AtomicLong attempted = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong empty = new AtomicLong();
    volatile Instant lastClaimAt;

    private final ClaimWaiters waiters;
    private final TaskQueryService tasks;
    private final Commands commands;
    private final Duration lease;
    private final Clock clock;
    private final Map<UUID, RootAccessReport> reported = new ConcurrentHashMap<>();

    private final Timer claimCommand;

    TaskClaims(ClaimWaiters waiters, TaskQueryService tasks, Commands commands, TaskProperties properties, Clock clock,
               MeterRegistry meters) {
        this.claimCommand = Timer.builder("nodeplane.task.claim.command")
                .description("A claim command, from dispatch to the aggregate's answer")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.waiters = waiters;
        this.tasks = tasks;
        this.commands = commands;
        this.lease = Duration.ofSeconds(properties.claimLeaseSeconds());
        this.clock = clock;
    }

    Mono<ClaimResponse> claim(AgentIdentity agent, Integer waitMs, RootAccessReport report) {
        int wait = waitMs == null ? DEFAULT_WAIT_MS : Math.max(0, Math.min(MAX_WAIT_MS, waitMs));
        attempted.incrementAndGet();
        lastClaimAt = clock.instant();
        record(agent, report);
        long deadline = System.nanoTime() + Duration.ofMillis(wait).toNanos();
        return attempt(agent, deadline).doOnNext(r -> (r.task() == null ? empty : succeeded).incrementAndGet())
                .doOnError(e -> failed.incrementAndGet());
    }

    private Mono<ClaimResponse> attempt(AgentIdentity agent, long deadline) {
        return Mono.defer(() -> {
            // register before looking, so a task queued in between still wakes this claim
            Waiter waiter = waiters.register(agent.nodeId());
            return lookAndClaim(agent).flatMap(answer -> {
                long remaining = deadline - System.nanoTime();
                if (answer.task() != null || remaining <= 0) {
                    return Mono.just(answer);
                }
                return waiter.next().timeout(Duration.ofNanos(remaining), Mono.empty())
                        .flatMap(woken -> woken.fresh()
                                ? claimWoken(agent, woken.taskId(), answer.rootAccess(), deadline)
                                : attempt(agent, deadline))
                        .defaultIfEmpty(answer);
            }).doFinally(signal -> waiters.release(waiter));
        });
    }

    /**
     * The wake names a task just created for this node (which was then taking work): claim it straight
     * away, without a lookup; only when that fails, look again and keep waiting.
     */
    private Mono<ClaimResponse> claimWoken(AgentIdentity agent, UUID taskId, RootAccess rootAccess, long deadline) {
        return tryClaim(agent.nodeId(), taskId)
                .map(task -> new ClaimResponse(TaskResponse.of(task), false, rootAccess))
                .switchIfEmpty(Mono.defer(() -> attempt(agent, deadline)));
    }

    private Mono<ClaimResponse> lookAndClaim(AgentIdentity agent) {
        UUID node = agent.nodeId();
        List<UUID> recent = waiters.recent(node);
        ClaimLookup known = recent.isEmpty() ? waiters.knownEmpty(node) : null;
        if (known != null) {
            return Mono.just(new ClaimResponse(null, false, new RootAccess(known.rootAccessProfile(),
                    known.rootAccessUpdatedAt())));
        }
        long epoch = waiters.epoch();
        return tasks.claimLookup(node, clock.instant(), CANDIDATES)
                .defaultIfEmpty(new ClaimLookup(true, "off", null, List.of()))
                .flatMap(lookup -> {
                    RootAccess rootAccess = new RootAccess(lookup.rootAccessProfile(), lookup.rootAccessUpdatedAt());
                    if (lookup.maintenance()) {
                        waiters.foundNothing(node, epoch, lookup);
                        return Mono.just(new ClaimResponse(null, false, rootAccess));
                    }
                    Set<UUID> candidates = new LinkedHashSet<>(lookup.candidates());
                    candidates.addAll(recent);
                    return Flux.fromIterable(candidates).concatMap(id -> tryClaim(node, id), 1).next()
                            .map(task -> new ClaimResponse(TaskResponse.of(task), false, rootAccess))
                            .switchIfEmpty(Mono.fromSupplier(() -> {
                                waiters.foundNothing(node, epoch, lookup);
                                return new ClaimResponse(null, false, rootAccess);
                            }));
                });
    }

    private Mono<TaskSnapshot> tryClaim(UUID node, UUID taskId) {
        long started = System.nanoTime();
        return commands.<TaskSnapshot>send(new ClaimTaskCommand(taskId, node, UUID.randomUUID(), lease),
                        AgentTasks.actor(new AgentIdentity(node, null)))
                .doOnNext(claimed -> {
                    claimCommand.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                    waiters.forget(node, taskId);
                })
                .onErrorResume(e -> {
                    // lost the race, cancelled meanwhile, or a concurrent append on another instance
                    if (e instanceof CommandRejectedException) {
                        waiters.forget(node, taskId);
                    } else {
                        log.debug("Claim of task {} failed: {}", taskId, e.toString());
                    }
                    return Mono.empty();
                });
    }

    /** The agent's root-access report becomes a node command only when it differs from its last one. */
    void record(AgentIdentity agent, RootAccessReport report) {
        if (report == null || report.equals(reported.get(agent.nodeId()))) {
            return;
        }
        reported.put(agent.nodeId(), report);
        commands.send(new ReportNodeRootAccessCommand(agent.nodeId(), report.appliedProfile(), report.lastAppliedAt(),
                        report.lastError()), AgentTasks.actor(agent))
                .subscribe(null, e -> {
                    reported.remove(agent.nodeId());
                    log.warn("Could not record the root-access report of node {}: {}", agent.nodeId(), e.toString());
                });
    }
}
