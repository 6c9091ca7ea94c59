package io.nodeplane.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Task creation through the whole command path: {@code --connections} operators create tasks as fast as
 * they are answered for {@code --duration}, one task per request or, with {@code --batch N}, N tasks per
 * {@code POST …/tasks/batch}; then the projection lag (201 → visible in {@code GET …/tasks/:id}) of
 * {@code --samples} tasks created one by one (the first samples include what the read models still owe
 * from the load).
 */
final class CommandsScenario {

    private final Bench.Options o;
    private Report report;
    private final Recorder latency = new Recorder(3);
    private final AtomicLong created = new AtomicLong();
    private final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
    private volatile long endAt;

    CommandsScenario(Bench.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        Target target = new Target(o.target());
        String jwt = target.login(o.get("admin-email", "admin@example.com"), o.get("admin-password", "change-me"));
        String workspace = target.defaultWorkspace(jwt);
        int connections = o.integer("connections", 32);
        int seconds = Integer.parseInt(o.get("duration", "30s").replace("s", ""));
        int batch = o.integer("batch", 1);
        List<Target.Agent> nodes = Fleet.register(target, o.get("enrollment-token", ""), "commands-" + Target.runId(),
                Math.max(50, batch == 1 ? 0 : batch * connections));
        report = new Report("commands", o);
        report.progress(() -> "tasks created " + created.get() + ", failures " + failures);
        for (int round = 0; round < 2; round++) {
            report.phase(round == 0 ? "warm-up" : "measured");
            created.set(0);
            failures.clear();
            latency.getIntervalHistogram();
            long start = System.nanoTime();
            endAt = start + TimeUnit.SECONDS.toNanos(round == 0 ? Math.min(10, seconds) : seconds);
            CountDownLatch done = new CountDownLatch(connections);
            for (int c = 0; c < connections; c++) {
                List<String> targets = batch == 1 ? List.of(nodes.get(c % nodes.size()).nodeId())
                        // each connection its own nodes: a creation holds its nodes' locks until it commits
                        : nodes.subList(c * batch, (c + 1) * batch).stream().map(Target.Agent::nodeId).toList();
                loop(target, jwt, workspace, targets, done);
            }
            done.await();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (round == 1) {
                report.line(String.format("commands: %d connections, %d task(s) per request, %.0f s: %.0f tasks/s "
                        + "created, failures by status %s", connections, batch, elapsed, created.get() / elapsed, failures));
                report.histogram(batch == 1 ? "POST tasks (201)" : "POST tasks/batch (201)", latency.getIntervalHistogram());
                report.figure("tasksPerSecond", created.get() / elapsed);
            }
        }
        report.phase("projection lag");
        Recorder lag = new Recorder(3);
        int samples = o.integer("samples", 200);
        for (int i = 0; i < samples; i++) {
            HttpResponse<String> r = target.sync(target.createTask(jwt, workspace, nodes.get(i % nodes.size()).nodeId(), "lag"));
            long at = System.nanoTime();
            String id = Target.JSON.readTree(r.body()).get("id").asText();
            while (target.sync(target.getTask(jwt, workspace, id)).statusCode() != 200) {
                Thread.onSpinWait();
            }
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - at);
            lag.recordValue(micros);
            report.series("projection lag (201 -> GET)").record(micros);
        }
        report.histogram("projection lag (201 -> GET)", lag.getIntervalHistogram());
        report.finish();
    }

    private void loop(Target target, String jwt, String workspace, List<String> nodeIds, CountDownLatch done) {
        if (System.nanoTime() >= endAt) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        HttpRequest request = nodeIds.size() == 1 ? target.createTask(jwt, workspace, nodeIds.get(0), "true")
                : target.createTasks(jwt, workspace, nodeIds, "true");
        target.async(request).whenComplete((r, error) -> {
            if (error == null && r.statusCode() == 201) {
                created.addAndGet(nodeIds.size());
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent);
                latency.recordValue(micros);
                report.series("POST tasks (201)").record(micros);
            } else {
                failures.computeIfAbsent(error == null ? r.statusCode() : -1, k -> new AtomicLong()).incrementAndGet();
            }
            loop(target, jwt, workspace, nodeIds, done);
        });
    }
}
