package io.nodeplane.bench;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * The full mix at a fleet size, through the public contract only (HTTP and Socket.IO). {@code --agents} (500)
 * simulated agents ({@link FleetAgent}) register, keep an {@code /agent-realtime} session with {@code agent.ping}
 * and {@code agent.metrics} every 2 s, long-poll {@code POST /agent/tasks/claim} (waitMs 30000) and run each task's
 * HTTP lifecycle for {@code --task-ms} (500), honouring cancels. Operators ({@link FleetOperators}) create
 * {@code --rate} (20) tasks per second in all (single-node, {@code tasks/batch} on {@code --batch} (5) nodes, team
 * dispatch to up to 10 teams of as many nodes in turn), cancel about {@code --cancel-percent} (5) % of them {@code --cancel-after-ms}
 * (250) after the 201 and list the newest 50 tasks once a second. After {@code --warmup} (10s) the figures of
 * {@code --duration} (60s) are measured: task end-to-end time (201 of the creation → the agent's {@code completed}
 * answered), metrics acknowledged per second, unexpected answers by HTTP status, socket failures, server CPU and
 * memory. Then creation stops, the fleet finishes what it has (at most {@code --drain}, 60s) and {@link FleetCheck}
 * reads everything back: lost tasks (created but not found), tasks not in the state the bench left them in, and
 * stored against acknowledged metrics for {@code --metric-sample} (20) nodes. Prints {@code LOST=<n>} last.
 */
final class FleetScenario {

    private final Bench.Options o;
    private final List<Disposable> sockets = new ArrayList<>();
    private volatile boolean running = true;

    FleetScenario(Bench.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        Target target = new Target(o.target());
        String jwt = target.login(o.get("admin-email", "admin@example.com"), o.get("admin-password", "change-me"));
        String workspace = target.defaultWorkspace(jwt);
        int count = o.integer("agents", 500);
        int rate = o.integer("rate", 20);
        int batch = o.integer("batch", 5);
        int warmup = seconds("warmup", "10s");
        int seconds = seconds("duration", "60s");
        Report report = new Report("fleet", o);
        FleetLedger ledger = new FleetLedger(report);
        String run = Target.runId();
        List<Target.Agent> identities = Fleet.register(target, o.get("enrollment-token", ""), "fleet-" + run, count);
        List<String> nodeIds = identities.stream().map(Target.Agent::nodeId).toList();
        List<String> teams = new ArrayList<>(); // up to 10 teams of --batch nodes, dispatched to in turn
        for (int t = 0; Boolean.parseBoolean(o.get("team", "true")) && t < 10 && (t + 1) * batch <= count; t++) {
            String team = target.createTeam(jwt, workspace, "fleet-" + run + "-" + t);
            for (String node : nodeIds.subList(t * batch, (t + 1) * batch)) {
                target.assignTeam(jwt, workspace, node, team);
            }
            teams.add(team);
        }
        List<FleetAgent> agents = connect(identities, ledger);
        ScheduledExecutorService ticker = reports(agents, ledger);
        agents.forEach(FleetAgent::start);
        FleetOperators operators = new FleetOperators(target, jwt, workspace, nodeIds, teams, batch, rate,
                o.integer("cancel-percent", 5), o.integer("cancel-after-ms", 250), ledger, report);
        report.progress(() -> String.format("created %d, completed %d, cancelled %d+%d, metrics acked %d, errors %d, "
                        + "socket failures %d", ledger.created.get(), ledger.completed.get(), ledger.cancelledByAgent.get(),
                ledger.cancelledBeforeStart.get(), ledger.metricsAcked.get(), ledger.errorCount(),
                ledger.socketFailures.get()));
        report.line(String.format("fleet: %d agents (%d authenticated), %d tasks/s (single, batch of %d%s), task %d ms, "
                        + "cancel %d %%", count, ledger.authenticated.get(), rate, batch,
                teams.isEmpty() ? "" : ", " + teams.size() + " teams", o.integer("task-ms", 500),
                o.integer("cancel-percent", 5)));
        report.phase("warm-up");
        operators.start();
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));

        report.phase("measured");
        ledger.measuring(true);
        ledger.endToEnd.reset();
        ledger.dispatch.reset();
        ledger.lifecycle.reset();
        ledger.agentCalls.reset();
        ledger.metricAcks.reset();
        double cpuBefore = target.serverCpuSeconds();
        long cpuFrom = System.nanoTime();
        long benchCpuBefore = benchCpuNanos();
        CompletableFuture<String> resources = CompletableFuture.supplyAsync(target::serverResources,
                CompletableFuture.delayedExecutor(Math.max(1, seconds - 3), TimeUnit.SECONDS));
        long createdBefore = ledger.created.get();
        long completedBefore = ledger.completed.get();
        long ackedBefore = ledger.metricsAcked.get();
        long from = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        double window = (System.nanoTime() - from) / 1e9;
        double createdRate = (ledger.created.get() - createdBefore) / window;
        double completedRate = (ledger.completed.get() - completedBefore) / window;
        double metricsRate = (ledger.metricsAcked.get() - ackedBefore) / window;
        ledger.measuring(false);
        double benchCores = (benchCpuNanos() - benchCpuBefore) / 1e9 / ((System.nanoTime() - cpuFrom) / 1e9);
        double cores = (target.serverCpuSeconds() - cpuBefore) / ((System.nanoTime() - cpuFrom) / 1e9);

        report.phase("drain");
        operators.stop();
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds("drain", "60s"));
        while (ledger.unfinished() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(200);
        }
        ticker.shutdownNow();
        Thread.sleep(3_000); // the last acks arrive
        running = false;
        agents.forEach(FleetAgent::stop);

        report.histogram("task created (201) -> completed", ledger.endToEnd.getIntervalHistogram());
        report.histogram("  of which 201 -> claimed", ledger.dispatch.getIntervalHistogram());
        report.histogram("  of which claimed -> completed", ledger.lifecycle.getIntervalHistogram());
        report.histogram("agent lifecycle call", ledger.agentCalls.getIntervalHistogram());
        report.histogram("agent.metrics ack", ledger.metricAcks.getIntervalHistogram());
        report.line(String.format("measured %.0f s: %.1f tasks/s created, %.1f/s completed by agents, %.0f metrics/s "
                + "acknowledged; %d operator requests, %d task lists read", window, createdRate, completedRate, metricsRate,
                operators.requests.get(), operators.listReads.get()));
        report.line(String.format("in all: created %d, completed %d, cancelled by agents on control %d, refused at "
                        + "start as cancelled %d, cancels accepted %d, cancels too late %d; metrics sent %d, acked %d",
                ledger.created.get(), ledger.completed.get(), ledger.cancelledByAgent.get(),
                ledger.cancelledBeforeStart.get(), ledger.cancelsAccepted.get(), ledger.cancelsTooLate.get(),
                ledger.metricsSent.get(), ledger.metricsAcked.get()));
        report.line("unexpected answers by HTTP status (-1 transport): " + ledger.errorsByStatus() + "; socket failures "
                + ledger.socketFailures.get());
        report.line(resources.join() + " (sampled 3 s before the end of the measured load)");
        if (cpuBefore >= 0) {
            report.line(String.format("CPU over the measured load: server %.2f cores, this load generator %.2f cores on "
                    + "average (%d on this machine)", cores, benchCores, Runtime.getRuntime().availableProcessors()));
            report.figure("serverCpuCores", cores);
        }
        report.figure("benchCpuCores", benchCores);
        FleetCheck check = new FleetCheck(target, jwt, workspace, report);
        long lost = check.tasks(ledger) + check.metrics(agents, o.integer("metric-sample", 20));
        report.figure("agents", count);
        report.figure("authenticated", ledger.authenticated.get());
        report.figure("tasksCreatedPerSecond", createdRate);
        report.figure("tasksCompletedPerSecond", completedRate);
        report.figure("metricsAckedPerSecond", metricsRate);
        report.figure("tasksCreated", ledger.created.get());
        report.figure("errors", ledger.errorCount());
        ledger.errorsByStatus().forEach((status, n) -> report.figure("errorsStatus" + status, n));
        report.figure("socketFailures", ledger.socketFailures.get());
        report.finish();
        System.out.println("LOST=" + lost);
        sockets.forEach(Disposable::dispose);
    }

    /** Opens every agent's socket (2,000 a second at most) and waits until they are authenticated (2 minutes at most). */
    private List<FleetAgent> connect(List<Target.Agent> identities, FleetLedger ledger) throws InterruptedException {
        HttpClient http = HttpClient.create(ConnectionProvider.builder("fleet-agents")
                        .maxConnections(identities.size() + 64).pendingAcquireMaxCount(-1).build())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000).responseTimeout(Duration.ofSeconds(45));
        HttpClient ws = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build();
        String uri = o.target().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket";
        List<FleetAgent> agents = new ArrayList<>();
        long started = System.nanoTime();
        for (Target.Agent identity : identities) {
            FleetAgent agent = new FleetAgent(identity, http, o.target(), o.integer("task-ms", 500), ledger);
            agents.add(agent);
            SocketAgent socket = agent.socket;
            sockets.add(ws.websocket(spec).uri(uri).handle((in, out) -> out.sendString(socket.outbound.asFlux())
                            .then().and(in.receive().asString().doOnNext(socket::receive).then()))
                    .subscribe(null, e -> ledger.socketFailure("connection: " + e), () -> {
                        if (running) {
                            ledger.socketFailure("closed by the server");
                        }
                    }));
            if (agents.size() % 200 == 0) {
                Thread.sleep(100);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (ledger.authenticated.get() < identities.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("fleet: %d of %d sockets authenticated in %.1f s%n", ledger.authenticated.get(),
                identities.size(), (System.nanoTime() - started) / 1e9);
        return agents;
    }

    /** {@code agent.ping} and {@code agent.metrics} from every agent once per 2 s, spread over 20 slices of 100 ms. */
    private static ScheduledExecutorService reports(List<FleetAgent> agents, FleetLedger ledger) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long[] tick = {0};
        ticker.scheduleAtFixedRate(() -> {
            int slice = (int) (tick[0]++ % 20);
            for (int i = slice; i < agents.size(); i += 20) {
                SocketAgent socket = agents.get(i).socket;
                if (socket.authenticated) {
                    socket.ping();
                    socket.metrics(5 + (i % 80));
                    ledger.metricsSent.incrementAndGet();
                }
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return ticker;
    }

    /** CPU time this JVM (the load generator) has used, in nanoseconds. */
    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private int seconds(String flag, String fallback) {
        return Integer.parseInt(o.get(flag, fallback).replace("s", ""));
    }
}
