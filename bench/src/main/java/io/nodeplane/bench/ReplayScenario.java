package io.nodeplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilding every read model from the event store: reads the store's head from {@code GET /admin/projections},
 * starts {@code POST /admin/projections/rebuild}, then polls the status every 200 ms until no rebuild runs and
 * every processor has caught up (or {@code --timeout}, default 600 s). Reports the elapsed time (here and by the
 * server's clock), the events replayed (the head's global index, so numbers a rolled-back transaction used count
 * too), events/s, each processor's finish time, how long the status answered 401 (tokens are checked against the
 * users' read model, which is replayed first), and the server's CPU. Run it after scenarios that filled the store.
 */
final class ReplayScenario {

    private static final long POLL_MS = 200;

    private final Bench.Options o;
    private final AtomicReference<JsonNode> last = new AtomicReference<>();
    private volatile boolean unauthorized;

    ReplayScenario(Bench.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        Target target = new Target(o.target());
        String jwt = target.login(o.get("admin-email", "admin@example.com"), o.get("admin-password", "change-me"));
        long timeout = TimeUnit.SECONDS.toNanos(Integer.parseInt(o.get("timeout", "600s").replace("s", "")));
        JsonNode before = target.projections(jwt);
        if (before.path("rebuilding").asBoolean()) {
            throw new IllegalStateException("a rebuild is already running on the target");
        }
        long head = before.get("headGlobalIndex").asLong();
        Report report = new Report("replay", o);
        Report.Series polls = report.series("GET /admin/projections");
        last.set(before);
        report.progress(this::progress);
        report.line(String.format("replay: %d event processors, event store head at global index %d",
                before.get("processors").size(), head));
        report.phase("rebuild");
        double cpuBefore = target.serverCpuSeconds();
        long start = System.nanoTime();
        String startedAt = target.rebuildProjections(jwt).get("startedAt").asText();
        JsonNode status = null;
        long firstRefused = -1; // the first poll answered 401 was sent
        long acceptedAgain = -1; // the next 200 after a 401 came back
        int refused = 0;
        while (System.nanoTime() - start < timeout) {
            Thread.sleep(POLL_MS);
            long sent = System.nanoTime();
            JsonNode answer = target.projections(jwt);
            long at = System.nanoTime();
            polls.record(TimeUnit.NANOSECONDS.toMicros(at - sent));
            unauthorized = answer == null;
            if (answer == null) {
                firstRefused = firstRefused < 0 ? sent : firstRefused;
                refused++;
                acceptedAgain = -1;
                continue;
            }
            acceptedAgain = firstRefused >= 0 && acceptedAgain < 0 ? at : acceptedAgain;
            last.set(answer);
            if (finished(answer, startedAt)) {
                status = answer;
                break;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = target.serverCpuSeconds() - cpuBefore;
        if (status == null) {
            report.line(String.format("replay: not finished after %.0f s: %s", elapsed, progress()));
            report.figure("timedOut", 1);
            report.finish();
            return;
        }
        Instant begun = Instant.parse(startedAt);
        double serverSeconds = Duration.between(begun, Instant.parse(status.get("finishedAt").asText())).toMillis() / 1e3;
        report.line(String.format("replay: %d events (global index) in %.1f s: %.0f events/s (by the server's clock "
                + "%.1f s, %.0f events/s)", head, elapsed, head / elapsed, serverSeconds, head / serverSeconds));
        for (JsonNode p : status.get("processors")) {
            JsonNode finishedAt = p.get("finishedAt");
            double seconds = finishedAt == null || finishedAt.isNull() ? -1
                    : Duration.between(begun, Instant.parse(finishedAt.asText())).toMillis() / 1e3;
            report.line(String.format("  %-28s finished at %6.1f s, position %d%s", p.get("name").asText(), seconds,
                    p.path("position").asLong(), p.path("error").isNull() ? "" : ", error " + p.get("error").asText()));
            report.figure("finishedSeconds." + p.get("name").asText(), seconds);
        }
        // an upper bound: from the first refused poll's request to the answer of the next accepted one
        double refusedSeconds = firstRefused < 0 ? 0 : (acceptedAgain - firstRefused) / 1e9;
        report.line(String.format("status answered 401 to %d polls, for at most %.1f s (the users' read model "
                + "replaying)", refused, refusedSeconds));
        if (cpuBefore >= 0) {
            report.line(String.format("server CPU time during the rebuild: %.2f cores on average (%d available on this "
                    + "machine)", cpu / elapsed, Runtime.getRuntime().availableProcessors()));
            report.figure("serverCpuCores", cpu / elapsed);
        }
        report.line(target.serverResources());
        report.figure("eventsReplayed", head);
        report.figure("elapsedSeconds", elapsed);
        report.figure("serverSeconds", serverSeconds);
        report.figure("eventsPerSecond", head / elapsed);
        report.figure("unauthorizedPolls", refused);
        report.figure("unauthorizedSeconds", refusedSeconds);
        report.finish();
    }

    /** This rebuild (not an earlier one) is over and every processor has caught up. */
    private static boolean finished(JsonNode status, String startedAt) {
        if (status.path("rebuilding").asBoolean() || !startedAt.equals(status.path("startedAt").asText())) {
            return false;
        }
        for (JsonNode p : status.get("processors")) {
            if (!p.path("caughtUp").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private String progress() {
        JsonNode s = last.get();
        int caughtUp = 0;
        long lowest = Long.MAX_VALUE;
        for (JsonNode p : s.get("processors")) {
            caughtUp += p.path("caughtUp").asBoolean() ? 1 : 0;
            lowest = Math.min(lowest, p.path("position").asLong(0));
        }
        long head = s.get("headGlobalIndex").asLong();
        return String.format("%s%d of %d processors caught up, slowest at %d of %d (%.0f%%)",
                unauthorized ? "status answers 401 (users replaying); last seen: " : "", caughtUp,
                s.get("processors").size(), lowest, head, head == 0 ? 100.0 : 100.0 * lowest / head);
    }
}
