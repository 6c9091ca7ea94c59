package io.nodeplane.api.projection;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.events.platform.ProjectionRebuildStartedEvent;
import io.nodeplane.query.audit.StoredEventQueryService;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds the read models from the event store, one rebuild at a time on this instance. Every
 * streaming event processor that supports a reset is shut down, its token reset (its reset handler
 * empties its tables) and started again; it then replays the store from the first event. Access tokens
 * and sign-ins are checked against {@code user_view}, so {@code user-view} goes first and alone: every
 * request answers 401 until it has replayed, and that should take as little as it can. The others then
 * follow in name order, each replaying while the next is reset. Axon's calls block (JDBC, worker
 * threads), so they run on the bounded-elastic scheduler. A processor has finished once it is no longer
 * replaying and has reached the head the store had when the rebuild began; the rebuild, once every
 * processor has.
 */
@Component
class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    private static final String FIRST = "user-view";

    private final EventProcessingConfiguration processing;
    private final StoredEventQueryService events;
    private final Commands commands;
    private final Clock clock;
    private final AtomicReference<Rebuild> current = new AtomicReference<>();
    private final Disposable.Composite work = Disposables.composite();

    ProjectionRebuilds(EventProcessingConfiguration processing, StoredEventQueryService events, Commands commands,
                       Clock clock) {
        this.processing = processing;
        this.events = events;
        this.commands = commands;
        this.clock = clock;
    }

    /** Starts a rebuild (recorded in the audit log as the actor's), or 409 while one is running. */
    Mono<Rebuild> start(Actor actor) {
        return Mono.defer(() -> {
            List<StreamingEventProcessor> processors = processors();
            Rebuild previous = current.get();
            Rebuild rebuild = new Rebuild(UUID.randomUUID(), clock.instant(),
                    processors.stream().map(StreamingEventProcessor::getName).toList());
            if (previous != null && previous.running() || !current.compareAndSet(previous, rebuild)) {
                return Mono.error(new ApiException(HttpStatus.CONFLICT, "REBUILD_IN_PROGRESS", "A rebuild of the "
                        + "projections is already running; follow it with GET /api/v1/admin/projections"));
            }
            log.info("Rebuild {} of {} event processors requested by {} ({})", rebuild.id, processors.size(),
                    actor.email(), actor.userId());
            return commands.record(new ProjectionRebuildStartedEvent(rebuild.id, rebuild.processors), actor)
                    .then(events.head())
                    .doOnNext(head -> run(rebuild, processors, head))
                    .doOnError(e -> rebuild.abandon(clock.instant(), e.toString()))
                    .thenReturn(rebuild);
        });
    }

    /** The last rebuild of this instance, or {@code null}. */
    Rebuild last() {
        return current.get();
    }

    /** The processors a rebuild replays, in the order it resets them. */
    List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .sorted(Comparator.comparing((StreamingEventProcessor p) -> !FIRST.equals(p.getName()))
                        .thenComparing(StreamingEventProcessor::getName)).toList();
    }

    /** The lowest position of the processor's segments (a global index), or {@code null} before it has one. */
    static Long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(p -> p.isPresent()).map(p -> p.getAsLong()).min(Long::compare).orElse(null);
    }

    private void run(Rebuild rebuild, List<StreamingEventProcessor> processors, long head) {
        List<StreamingEventProcessor> first = processors.stream().filter(p -> FIRST.equals(p.getName())).toList();
        List<StreamingEventProcessor> rest = processors.stream().filter(p -> !first.contains(p)).toList();
        Mono<Void> firstReplayed = Flux.interval(CHECK_EVERY)
                .filter(tick -> first.stream().allMatch(p -> rebuild.done(p.getName()))).next().then();
        work.add(restart(rebuild, first).then(firstReplayed).then(restart(rebuild, rest)).subscribe(null, e -> {
            log.error("Rebuild {} stopped", rebuild.id, e);
            // the processors it did not get to keep their rows; the rebuild must still end
            rebuild.processors.stream().filter(name -> !rebuild.restarted.contains(name))
                    .forEach(name -> rebuild.failed.putIfAbsent(name, "not reset: " + e));
        }));
        // positions are in memory: a cheap look on a timer thread, started at once so early finishers are timed
        work.add(Flux.interval(CHECK_EVERY)
                .takeUntil(tick -> check(rebuild, processors, head))
                .subscribe(null, e -> log.error("Rebuild {}: progress check failed", rebuild.id, e),
                        () -> log.info("Rebuild {} finished in {} ms{}", rebuild.id,
                                Duration.between(rebuild.startedAt, rebuild.finishedAt()).toMillis(),
                                rebuild.failed.isEmpty() ? "" : ", failed: " + rebuild.failed)));
    }

    private Mono<Void> restart(Rebuild rebuild, List<StreamingEventProcessor> processors) {
        return Mono.<Void>fromRunnable(() -> {
            // stopped together: each waits for its worker to notice, up to a second (event-availability timeout)
            List<CompletableFuture<Void>> stopped = processors.stream().map(p -> p.shutdownAsync()).toList();
            for (int i = 0; i < processors.size(); i++) {
                restart(rebuild, processors.get(i), stopped.get(i));
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void restart(Rebuild rebuild, StreamingEventProcessor processor, CompletableFuture<Void> stopped) {
        String name = processor.getName();
        try {
            stopped.join();
            processor.resetTokens(); // the processor's @ResetHandler empties its tables
        } catch (RuntimeException e) {
            // e.g. another instance holds the processor's token: it keeps its rows and goes on from its old token
            log.error("Rebuild {}: could not reset {}", rebuild.id, name, e);
            rebuild.failed.put(name, e.toString());
        }
        try {
            processor.start();
            rebuild.restarted.add(name);
        } catch (RuntimeException e) {
            log.error("Rebuild {}: could not start {} again", rebuild.id, name, e);
            rebuild.failed.putIfAbsent(name, e.toString());
        }
    }

    private boolean check(Rebuild rebuild, List<StreamingEventProcessor> processors, long head) {
        for (StreamingEventProcessor p : processors) {
            String name = p.getName();
            if (rebuild.restarted.contains(name) && !rebuild.done(name) && p.isRunning() && !p.isReplaying()) {
                Long position = position(p);
                if (position != null && position >= head) {
                    rebuild.finished.put(name, clock.instant());
                }
            }
        }
        return rebuild.finishIfDone(clock.instant());
    }

    @Override
    public void destroy() {
        work.dispose();
    }
}
