package io.nodeplane.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/** Empty claims with {@code waitMs:0} at full speed from {@code --connections} agents for {@code --duration}. */
final class ClaimEmptyScenario {

    private final Bench.Options o;
    private Report report;
    private final Recorder latency = new Recorder(3);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile long endAt;

    ClaimEmptyScenario(Bench.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        Target target = new Target(o.target());
        int connections = o.integer("connections", 64);
        int seconds = Integer.parseInt(o.get("duration", "30s").replace("s", ""));
        List<Target.Agent> agents = Fleet.register(target, o.get("enrollment-token", ""), "empty-" + Target.runId(),
                connections);
        report = new Report("claim-empty", o);
        report.progress(() -> "claims " + ok.get() + ", errors " + errors.get());
        for (int warm = 0; warm < 2; warm++) {
            report.phase(warm == 0 ? "warm-up" : "measured");
            long start = System.nanoTime();
            endAt = start + TimeUnit.SECONDS.toNanos(warm == 0 ? Math.min(10, seconds) : seconds);
            ok.set(0);
            errors.set(0);
            latency.getIntervalHistogram();
            CountDownLatch done = new CountDownLatch(connections);
            agents.forEach(a -> loop(target, a, done));
            done.await();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (warm == 1) {
                report.line(String.format("claim-empty: %d connections, %.0f s: %.0f claims/s, %d errors", connections,
                        elapsed, ok.get() / elapsed, errors.get()));
                report.histogram("empty claim", latency.getIntervalHistogram());
                report.figure("claimsPerSecond", ok.get() / elapsed);
                report.figure("errors", errors.get());
            }
        }
        report.finish();
    }

    private void loop(Target target, Target.Agent agent, CountDownLatch done) {
        if (System.nanoTime() >= endAt) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        target.async(target.claim(agent, 0)).whenComplete((r, error) -> {
            if (error != null || r.statusCode() != 200) {
                errors.incrementAndGet();
            } else {
                ok.incrementAndGet();
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent);
                latency.recordValue(micros);
                report.series("empty claim").record(micros);
            }
            loop(target, agent, done);
        });
    }
}
