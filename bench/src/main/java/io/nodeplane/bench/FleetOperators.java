package io.nodeplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operators of the {@code fleet} scenario, over the public HTTP API with one admin's token: tasks created at
 * {@code rate} per second in all, in a repeating mix of five single-node {@code POST …/tasks}, one
 * {@code POST …/tasks/batch} on {@code batch} random nodes and one team dispatch {@code POST …/tasks/teams/:id}
 * (in turn to each of the teams of {@code batch} nodes made at set-up, so that no node gets more work than an agent
 * that runs one task at a time can do); about {@code cancelPercent} % of the created tasks cancelled
 * {@code cancelAfterMs} after their 201; the newest 50 tasks listed once a second. Creation, cancel and list
 * latencies go into the report as series.
 */
final class FleetOperators {

    private enum Kind { SINGLE, BATCH, TEAM }

    private static final Kind[] MIX = {Kind.SINGLE, Kind.SINGLE, Kind.SINGLE, Kind.SINGLE, Kind.SINGLE, Kind.BATCH,
        Kind.TEAM};
    private static final long TICK_MS = 50;

    final AtomicLong requests = new AtomicLong();
    final AtomicLong listReads = new AtomicLong();
    private final Target target;
    private final String jwt;
    private final String workspace;
    private final List<String> nodeIds;
    private final List<String> teamIds;
    private final int batch;
    private final double rate;
    private final int cancelPercent;
    private final long cancelAfterMs;
    private final FleetLedger ledger;
    private final Report report;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "operators");
        t.setDaemon(true);
        return t;
    });
    private double budget;
    private int next;
    private int teamTurn;
    private long lastTick;

    FleetOperators(Target target, String jwt, String workspace, List<String> nodeIds, List<String> teamIds, int batch,
                   double rate, int cancelPercent, long cancelAfterMs, FleetLedger ledger, Report report) {
        this.target = target;
        this.jwt = jwt;
        this.workspace = workspace;
        this.nodeIds = nodeIds;
        this.teamIds = teamIds;
        this.batch = batch;
        this.rate = rate;
        this.cancelPercent = cancelPercent;
        this.cancelAfterMs = cancelAfterMs;
        this.ledger = ledger;
        this.report = report;
    }

    void start() {
        lastTick = System.nanoTime();
        clock.scheduleAtFixedRate(this::create, 0, TICK_MS, TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(this::list, 500, 1_000, TimeUnit.MILLISECONDS);
    }

    /** Stops creating and listing; the cancels of tasks created until then still go out. */
    void stop() {
        clock.shutdownNow();
    }

    /** Spends the tasks the rate allows since the last tick, one request of the mix after another. */
    private void create() {
        long now = System.nanoTime();
        budget += rate * (now - lastTick) / 1e9;
        lastTick = now;
        while (true) {
            Kind kind = MIX[next % MIX.length];
            if (kind == Kind.TEAM && teamIds.isEmpty()) {
                next++;
                continue;
            }
            int size = kind == Kind.SINGLE ? 1 : batch;
            if (budget < size) {
                return;
            }
            budget -= size;
            next++;
            send(kind);
        }
    }

    private void send(Kind kind) {
        String command = "echo fleet " + requests.incrementAndGet();
        HttpRequest request = switch (kind) {
            case SINGLE -> target.createTask(jwt, workspace, randomNodes(1).get(0), command);
            case BATCH -> target.createTasks(jwt, workspace, randomNodes(batch), command);
            case TEAM -> target.createTeamTasks(jwt, workspace, teamIds.get(teamTurn++ % teamIds.size()), command);
        };
        long sent = System.nanoTime();
        String route = "create " + kind.name().toLowerCase();
        target.async(request).whenComplete((r, error) -> {
            long at = System.nanoTime();
            if (error != null || r.statusCode() != 201) {
                ledger.error(route, error != null ? -1 : r.statusCode(), error != null ? error.toString() : r.body());
                return;
            }
            report.series("create (201)").record(TimeUnit.NANOSECONDS.toMicros(at - sent));
            try {
                JsonNode body = Target.JSON.readTree(r.body());
                JsonNode tasks = kind == Kind.SINGLE ? Target.JSON.createArrayNode().add(body)
                        : kind == Kind.BATCH ? body : body.path("created");
                for (JsonNode task : tasks) {
                    String id = task.get("id").asText();
                    ledger.created(id, at);
                    if (ThreadLocalRandom.current().nextInt(100) < cancelPercent) {
                        CompletableFuture.delayedExecutor(cancelAfterMs, TimeUnit.MILLISECONDS).execute(() -> cancel(id));
                    }
                }
            } catch (Exception e) {
                ledger.error(route, 201, "unreadable answer: " + e);
            }
        });
    }

    private void cancel(String id) {
        long sent = System.nanoTime();
        target.async(target.cancelTask(jwt, workspace, id, "fleet bench cancel")).whenComplete((r, error) -> {
            if (error != null) {
                ledger.error("cancel", -1, error.toString());
                return;
            }
            report.series("cancel").record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
            ledger.cancelAnswered(id, r.statusCode(), r.body());
        });
    }

    private void list() {
        long sent = System.nanoTime();
        target.async(target.listTasks(jwt, workspace, 50)).whenComplete((HttpResponse<String> r, Throwable error) -> {
            if (error != null || r.statusCode() != 200) {
                ledger.error("list tasks", error != null ? -1 : r.statusCode(), error != null ? error.toString() : r.body());
                return;
            }
            listReads.incrementAndGet();
            report.series("list tasks (limit 50)").record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
        });
    }

    /** {@code count} distinct nodes picked at random. */
    private List<String> randomNodes(int count) {
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < Math.min(count, nodeIds.size())) {
            picked.add(ThreadLocalRandom.current().nextInt(nodeIds.size()));
        }
        return picked.stream().map(nodeIds::get).toList();
    }
}
