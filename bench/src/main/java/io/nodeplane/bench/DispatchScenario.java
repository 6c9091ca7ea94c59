package io.nodeplane.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Dispatch latency: {@code --agents} agents hold long-poll claims; tasks are created one at a time at
 * {@code --rate} per second; latency = the waiting agent's claim response minus the 201 of the task's
 * creation (both seen by this client). A warm-up batch is not counted.
 */
final class DispatchScenario {

    private final Bench.Options o;
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong claimErrors = new AtomicLong();

    DispatchScenario(Bench.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        Target target = new Target(o.target());
        String jwt = target.login(o.get("admin-email", "admin@example.com"), o.get("admin-password", "change-me"));
        String workspace = target.defaultWorkspace(jwt);
        int agentCount = o.integer("agents", 100);
        int tasks = o.integer("tasks", 1000);
        int warmup = o.integer("warmup", 300);
        int rate = o.integer("rate", 50);
        Report report = new Report("dispatch", o);
        List<Target.Agent> agents = Fleet.register(target, o.get("enrollment-token", ""), "dispatch-" + Target.runId(),
                agentCount);
        report.progress(() -> "tasks claimed " + received.size() + ", claim errors " + claimErrors.get());
        agents.forEach(a -> poll(target, a));
        Thread.sleep(2_000); // every agent is waiting in its claim
        report.phase("warm-up");
        measure(target, jwt, workspace, agents, warmup, rate, null, null);
        Histogram latency = new Histogram(60_000_000L, 3);
        report.phase("measured");
        long early = measure(target, jwt, workspace, agents, tasks, rate, latency, report.series("created (201) -> claimed"));
        running.set(false);
        report.line("dispatch: " + agentCount + " waiting agents, " + tasks + " tasks at " + rate + "/s");
        report.histogram("created (201) -> claimed", latency);
        report.line("claims answered before the 201 reached the client: " + early + "; claim errors: "
                + claimErrors.get());
        report.figure("agents", agentCount);
        report.figure("tasks", tasks);
        report.figure("claimErrors", claimErrors.get());
        report.finish();
    }

    /** Creates {@code count} tasks round-robin; returns how many claims arrived before their 201. */
    private long measure(Target target, String jwt, String workspace, List<Target.Agent> agents, int count, int rate,
                         Histogram latency, Report.Series series) throws Exception {
        Map<String, Long> created = new ConcurrentHashMap<>();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Target.Agent agent = agents.get(i % agents.size());
            HttpResponse<String> r = target.sync(target.createTask(jwt, workspace, agent.nodeId(), "echo " + i));
            long at = System.nanoTime();
            if (r.statusCode() != 201) {
                throw new IllegalStateException("task creation answered " + r.statusCode() + ": " + r.body());
            }
            created.put(Target.JSON.readTree(r.body()).get("id").asText(), at);
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!received.keySet().containsAll(created.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long early = 0;
        for (Map.Entry<String, Long> e : created.entrySet()) {
            Long claimed = received.get(e.getKey());
            if (claimed == null) {
                throw new IllegalStateException("task " + e.getKey() + " was never claimed within 30 s");
            }
            long micros = TimeUnit.NANOSECONDS.toMicros(claimed - e.getValue());
            if (micros < 0) {
                early++;
            }
            if (latency != null) {
                latency.recordValue(Math.max(0, micros));
                series.recordAt(claimed, micros);
            }
        }
        return early;
    }

    private void poll(Target target, Target.Agent agent) {
        if (!running.get()) {
            return;
        }
        target.async(target.claim(agent, 30_000)).whenComplete((r, error) -> {
            long at = System.nanoTime();
            if (error != null || r.statusCode() != 200) {
                claimErrors.incrementAndGet();
            } else {
                try {
                    var task = Target.JSON.readTree(r.body()).get("task");
                    if (task != null && !task.isNull()) {
                        received.putIfAbsent(task.get("id").asText(), at);
                    }
                } catch (Exception e) {
                    claimErrors.incrementAndGet();
                }
            }
            poll(target, agent);
        });
    }
}
