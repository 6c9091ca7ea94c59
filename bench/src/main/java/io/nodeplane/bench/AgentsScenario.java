package io.nodeplane.bench;

import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * A fleet on the agent socket: {@code --agents} agents (default 10,000) connect over Socket.IO, authenticate,
 * then each sends {@code agent.ping} and {@code agent.metrics} every 2 s, as the Noderax agent does. Reports
 * ack latency per event, metrics sent/acked per second, refused or dropped sockets, and the server's CPU and
 * memory; {@code bench/realtime/run.sh} then counts the stored metric rows against the acked ones.
 */
final class AgentsScenario implements SocketAgent.Listener {

    private final Bench.Options o;
    private Report report;
    private final Recorder pingAcks = new Recorder(3);
    private final Recorder metricAcks = new Recorder(3);
    private final AtomicLong authenticated = new AtomicLong();
    private final AtomicLong metricsSent = new AtomicLong();
    private final AtomicLong metricsAcked = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    AgentsScenario(Bench.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        Target target = new Target(o.target());
        int count = o.integer("agents", 10_000);
        int seconds = Integer.parseInt(o.get("duration", "60s").replace("s", ""));
        report = new Report("agents", o);
        report.progress(() -> String.format("authenticated %d, metrics sent %d, acked %d, failures %d",
                authenticated.get(), metricsSent.get(), metricsAcked.get(), failures.get()));
        List<Target.Agent> identities = Fleet.register(target, o.get("enrollment-token", ""), "sock-" + Target.runId(), count);
        String ws = o.target().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket";
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build();
        List<SocketAgent> agents = new ArrayList<>();
        List<Disposable> connections = new ArrayList<>();
        long started = System.nanoTime();
        for (Target.Agent identity : identities) {
            SocketAgent agent = new SocketAgent(identity, this);
            agents.add(agent);
            connections.add(client.websocket(spec).uri(ws).handle((in, out) -> out.sendString(agent.outbound.asFlux())
                            .then().and(in.receive().asString().doOnNext(agent::receive).then()))
                    .subscribe(null, e -> failed("connection: " + e.getClass().getSimpleName())));
            if (agents.size() % 200 == 0) {
                Thread.sleep(100); // ramp up: 2,000 connections a second
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (authenticated.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        report.line(String.format("agents: %d of %d sockets authenticated in %.1f s (failures %d)", authenticated.get(),
                count, (System.nanoTime() - started) / 1e9, failures.get()));
        report.phase("warm-up");
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long[] tick = {0};
        // every agent once per 2 s, spread over 20 slices of 100 ms
        ticker.scheduleAtFixedRate(() -> {
            int slice = (int) (tick[0]++ % 20);
            for (int i = slice; i < agents.size(); i += 20) {
                SocketAgent agent = agents.get(i);
                if (agent.authenticated) {
                    agent.ping();
                    agent.metrics(5 + (i % 80));
                    metricsSent.incrementAndGet();
                }
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        Thread.sleep(10_000); // warm-up
        pingAcks.reset();
        metricAcks.reset();
        report.phase("measured");
        long sentBefore = metricsSent.get();
        long ackedBefore = metricsAcked.get();
        double cpuBefore = target.serverCpuSeconds();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        String resources = target.serverResources();
        if (cpuBefore >= 0) {
            double cores = (target.serverCpuSeconds() - cpuBefore) / seconds;
            resources += String.format(", CPU time over the measured load: %.2f cores on average", cores);
            report.figure("serverCpuCores", cores);
        }
        ticker.shutdownNow();
        Thread.sleep(3_000); // the last acks arrive
        Histogram ping = pingAcks.getIntervalHistogram();
        Histogram metrics = metricAcks.getIntervalHistogram();
        report.histogram("agent.ping ack", ping);
        report.histogram("agent.metrics ack", metrics);
        long sent = metricsSent.get();
        double rate = (metricsAcked.get() - ackedBefore) / (double) seconds;
        report.line(String.format("metrics: sent %d in all, acked %d (%.0f/s during the run), unacked %d, failures %d",
                sent, metricsAcked.get(), rate, sent - metricsAcked.get(), failures.get()));
        report.line(resources);
        report.figure("agents", count);
        report.figure("authenticated", authenticated.get());
        report.figure("metricsAckedPerSecond", rate);
        report.figure("metricsSent", sent);
        report.figure("metricsAcked", metricsAcked.get());
        report.figure("failures", failures.get());
        report.finish();
        System.out.println("METRICS_ACKED=" + metricsAcked.get());
        connections.forEach(Disposable::dispose);
    }

    @Override
    public void authenticated(SocketAgent agent) {
        authenticated.incrementAndGet();
    }

    @Override
    public void acked(String event, long nanos, boolean ok) {
        long micros = TimeUnit.NANOSECONDS.toMicros(nanos);
        if ("agent.metrics".equals(event)) {
            metricAcks.recordValue(micros);
            report.series("agent.metrics ack").record(micros);
            if (ok) {
                metricsAcked.incrementAndGet();
            } else {
                failures.incrementAndGet();
            }
        } else {
            pingAcks.recordValue(micros);
        }
    }

    @Override
    public void failed(String what) {
        if (failures.incrementAndGet() <= 5) {
            System.out.println("  failure: " + what);
        }
    }
}
