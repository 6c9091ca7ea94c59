package io.nodeplane.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Realtime fan-out over SSE: {@code --subscribers} connections follow the default workspace's stream
 * while {@code --agents} agents report metrics at {@code --rate} per second in all (each report is one
 * {@code metrics.ingested} message). Two latencies, on every tenth message per subscriber: arrival minus the
 * sample's {@code recordedAt} (set by the server before it stores the sample: includes storing it), and
 * arrival minus the message's {@code publishedAt} (when the bus numbered it: the fan-out alone). Lost = gaps
 * in each subscriber's sequence of event ids.
 */
final class FanoutScenario {

    private final Bench.Options o;
    private volatile Report.Series series;
    private final Recorder latency = new Recorder(3);
    private final Recorder fanout = new Recorder(3);
    private final List<SseBytes> streams = new CopyOnWriteArrayList<>();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();

    FanoutScenario(Bench.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        Target target = new Target(o.target());
        String jwt = target.login(o.get("admin-email", "admin@example.com"), o.get("admin-password", "change-me"));
        String workspace = target.defaultWorkspace(jwt);
        int subscribers = o.integer("subscribers", 1000);
        int rate = o.integer("rate", 500);
        int seconds = Integer.parseInt(o.get("duration", "30s").replace("s", ""));
        Report report = new Report("fanout", o);
        report.progress(() -> String.format("published %d, deliveries %d, lost %d, closed %d", sent.get(), delivered(),
                lost.get(), closed.get()));
        series = report.series("published -> delivered");
        List<Target.Agent> agents = Fleet.register(target, o.get("enrollment-token", ""), "fanout-" + Target.runId(),
                o.integer("agents", 50));
        CountDownLatch connected = new CountDownLatch(subscribers);
        for (int i = 0; i < subscribers; i++) {
            subscribe(target, jwt, workspace, connected::countDown);
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(connected.getCount() + " subscribers did not connect within 60 s");
        }
        report.line(String.format("fanout: %d SSE subscribers, %d metrics/s from %d agents", subscribers, rate,
                agents.size()));
        report.phase("warm-up");
        // until the server's JIT has compiled the paths under load (on 2 cores, under this load, about two and a half minutes)
        load(target, agents, rate, Integer.parseInt(o.get("warmup", "150s").replace("s", "")));
        latency.reset();
        fanout.reset();
        report.phase("measured");
        long deliveredBefore = delivered();
        long sentBefore = sent.get();
        // the server's memory while it is under load
        java.util.concurrent.CompletableFuture<String> resources = java.util.concurrent.CompletableFuture.supplyAsync(
                target::serverResources, java.util.concurrent.CompletableFuture.delayedExecutor(Math.max(1, seconds - 3),
                        TimeUnit.SECONDS));
        double cpuBefore = target.serverCpuSeconds();
        load(target, agents, rate, seconds);
        double cpu = target.serverCpuSeconds() - cpuBefore;
        Thread.sleep(2_000); // the last messages are on their way
        Histogram h = latency.getIntervalHistogram();
        long messages = sent.get() - sentBefore;
        report.histogram("recordedAt -> delivered", h);
        report.histogram("published -> delivered", fanout.getIntervalHistogram());
        long deliveries = delivered() - deliveredBefore;
        report.line(String.format("published %d messages (%.0f/s), deliveries %d (%.0f/s, expected %d), lost %d, "
                        + "closed %d, send errors %d", messages, messages / (double) seconds, deliveries,
                deliveries / (double) seconds, messages * subscribers, lost.get(), closed.get(), sendErrors.get()));
        report.line(resources.join() + " (sampled 3 s before the end of the load)");
        if (cpuBefore >= 0) {
            report.line(String.format("server CPU time over the measured load: %.2f cores on average (%d available on "
                    + "this machine)", cpu / seconds, Runtime.getRuntime().availableProcessors()));
            report.figure("serverCpuCores", cpu / seconds);
        }
        report.figure("subscribers", subscribers);
        report.figure("publishedPerSecond", messages / (double) seconds);
        report.figure("deliveriesPerSecond", deliveries / (double) seconds);
        report.figure("lost", lost.get());
        report.figure("closed", closed.get());
        report.finish();
    }

    /** Events received by all subscribers so far (each stream counts its own: no shared counter to contend on). */
    private long delivered() {
        long sum = 0;
        for (SseBytes stream : streams) {
            sum += stream.count.get();
        }
        return sum;
    }

    private void load(Target target, List<Target.Agent> agents, int rate, int seconds) throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        int perTick = Math.max(1, rate / 100);
        AtomicLong n = new AtomicLong();
        long total = (long) rate * seconds;
        CountDownLatch done = new CountDownLatch(1);
        ticker.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick; i++) {
                long k = n.getAndIncrement();
                if (k >= total) {
                    done.countDown();
                    return;
                }
                Target.Agent agent = agents.get((int) (k % agents.size()));
                String body = "{\"nodeId\":\"" + agent.nodeId() + "\",\"agentToken\":\"" + agent.token()
                        + "\",\"cpuUsage\":" + ((k % 80) + 0.5) + ",\"memoryUsage\":40,\"diskUsage\":60,\"temperature\":45}";
                POST_CLIENT.headers(h -> h.set("Content-Type", "application/json")).post()
                        .uri(o.target() + "/api/v1/agent/metrics")
                        .send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just(body)))
                        .responseSingle((response, content) -> content.then(reactor.core.publisher.Mono.just(response.status().code())))
                        .subscribe(code -> (code == 200 ? sent : sendErrors).incrementAndGet(),
                                e -> sendErrors.incrementAndGet());
            }
        }, 0, 1_000_000L * perTick / rate, TimeUnit.MICROSECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
    }

    private void subscribe(Target target, String jwt, String workspace, Runnable onConnected) {
        SseBytes parser = new SseBytes(onConnected);
        streams.add(parser);
        // Reactor Netty, not the JDK client: a thousand streams on one selector thread fell behind the server
        SSE_CLIENT.headers(h -> h.set("Authorization", "Bearer " + jwt).set("Accept", "text/event-stream"))
                .get().uri(o.target() + "/api/v1/workspaces/" + workspace + "/stream")
                .responseContent()
                .doOnNext(parser::accept)
                .doFinally(signal -> closed.incrementAndGet())
                .subscribe(null, e -> { });
    }

    // a pooled client for the reports: the JDK client opened a connection per overlapping request and fell behind
    private static final reactor.netty.http.client.HttpClient POST_CLIENT = reactor.netty.http.client.HttpClient.create(
            reactor.netty.resources.ConnectionProvider.builder("reports").maxConnections(64).pendingAcquireMaxCount(-1)
                    .build());

    private static final reactor.netty.http.client.HttpClient SSE_CLIENT =
            reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection());

    /**
     * Reads the stream's bytes without decoding them, so that the load generator, which shares the machine
     * with the server, costs as little as possible: finds line ends with {@link ByteBuf#indexOf}, reads the
     * {@code id:} of every event from the bytes (counting it and checking ids follow each other) and decodes
     * only the {@code data:} line of every tenth message for the latencies. A line split between two reads is
     * carried over.
     */
    private final class SseBytes {
        private final Runnable onConnected;
        private final ByteBuf carry = Unpooled.buffer(1024);
        private boolean connected;
        private long last;
        private boolean sample;
        /** Events received; written by this stream's I/O thread only. */
        private final AtomicLong count = new AtomicLong();

        SseBytes(Runnable onConnected) {
            this.onConnected = onConnected;
        }

        void accept(ByteBuf chunk) {
            if (!connected) {
                connected = true;
                onConnected.run();
            }
            int i = chunk.readerIndex();
            int end = chunk.writerIndex();
            while (i < end) {
                int lf = chunk.indexOf(i, end, (byte) '\n');
                if (lf < 0) {
                    carry.writeBytes(chunk, i, end - i);
                    return;
                }
                if (carry.isReadable()) {
                    carry.writeBytes(chunk, i, lf - i);
                    line(carry, carry.readerIndex(), carry.writerIndex());
                    carry.clear();
                } else {
                    line(chunk, i, lf);
                }
                i = lf + 1;
            }
        }

        private void line(ByteBuf b, int from, int to) {
            if (to - from > 4 && b.getByte(from) == 'i' && b.getByte(from + 1) == 'd' && b.getByte(from + 2) == ':') {
                long id = 0;
                for (int k = from + 3; k < to; k++) {
                    byte c = b.getByte(k);
                    if (c >= '0' && c <= '9') {
                        id = id * 10 + (c - '0');
                    }
                }
                if (last != 0 && id > last + 1) {
                    lost.addAndGet(id - last - 1);
                }
                last = id;
                count.lazySet(count.get() + 1);
                sample = id % 10 == 0;
            } else if (sample && to - from > 6 && b.getByte(from) == 'd') {
                sample = false;
                record(b.toString(from, to - from, StandardCharsets.UTF_8));
            }
        }

        private void record(String line) {
            long now = System.currentTimeMillis();
            int published = line.indexOf("\"publishedAt\":");
            if (published > 0) {
                long millis = Long.parseLong(line.substring(published + 14, line.indexOf(",", published)));
                fanout.recordValue(Math.max(0, TimeUnit.MILLISECONDS.toMicros(now - millis)));
            }
            int at = line.indexOf("\"recordedAt\":\"");
            if (at > 0) {
                String value = line.substring(at + 14, line.indexOf("\"", at + 14));
                latency.recordValue(Math.max(0, TimeUnit.MILLISECONDS.toMicros(now - Instant.parse(value).toEpochMilli())));
            }
        }
    }
}
