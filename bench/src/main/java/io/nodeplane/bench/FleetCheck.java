package io.nodeplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * After a {@code fleet} run, what the API answers against what the bench did. Tasks: every task the bench created
 * is read back ({@code GET …/tasks/:id}); lost = created (201) but not found, mismatched = found but not in the
 * terminal state the bench brought it to (completed by its agent, or cancelled); reads are retried for a few
 * seconds while the read models catch up. Metrics: for a sample of nodes, the stored samples
 * ({@code GET …/metrics?nodeId=}, paged) against the {@code agent.metrics} the socket acknowledged.
 */
final class FleetCheck {

    private static final int ROUNDS = 5;

    private final Target target;
    private final String jwt;
    private final String workspace;
    private final Report report;

    FleetCheck(Target target, String jwt, String workspace, Report report) {
        this.target = target;
        this.jwt = jwt;
        this.workspace = workspace;
        this.report = report;
    }

    /** Answers the number of lost tasks. */
    long tasks(FleetLedger ledger) throws InterruptedException {
        Map<String, String> found = new ConcurrentHashMap<>(); // task id -> status the API shows
        Set<String> missing = ConcurrentHashMap.newKeySet();
        List<String> ids = ledger.tasks.entrySet().stream().filter(e -> e.getValue().createdNanos != 0)
                .map(Map.Entry::getKey).toList();
        Set<String> todo = new HashSet<>(ids);
        for (int round = 0; round < ROUNDS && !todo.isEmpty(); round++) {
            if (round > 0) {
                Thread.sleep(2_000); // the read models may still owe the last changes
            }
            missing.clear();
            Flux.fromIterable(todo).flatMap(id -> Mono.fromFuture(() -> target.async(target.getTask(jwt, workspace, id)))
                            .doOnNext(r -> read(id, r, ledger, found, missing)), 16)
                    .onErrorContinue((e, id) -> ledger.error("verify task", -1, e.toString()))
                    .blockLast();
            todo.clear();
            todo.addAll(missing);
            ids.stream().filter(id -> found.containsKey(id) && !matches(ledger.tasks.get(id), found.get(id)))
                    .forEach(todo::add);
        }
        Map<String, Long> byStatus = new TreeMap<>();
        found.values().forEach(s -> byStatus.merge(s, 1L, Long::sum));
        long mismatched = 0;
        for (String id : ids) {
            FleetLedger.Entry e = ledger.tasks.get(id);
            if (found.containsKey(id) && !matches(e, found.get(id))) {
                if (++mismatched <= 5) {
                    System.out.println("  mismatch: task " + id + " is " + found.get(id) + ", the bench expected "
                            + e.expected());
                }
            }
        }
        long unfinished = ids.stream().filter(id -> ledger.tasks.get(id).expected() == null).count();
        long asExpected = ids.stream().filter(id -> found.containsKey(id)
                && found.get(id).equals(ledger.tasks.get(id).expected())).count();
        report.line(String.format("tasks: created %d, found %d, lost %d (created but not found), in the expected "
                        + "terminal state %d, mismatched %d, unfinished at the bench %d; API statuses %s", ids.size(),
                found.size(), missing.size(), asExpected, mismatched,
                unfinished, byStatus));
        report.figure("tasksLost", missing.size());
        report.figure("tasksMismatched", mismatched);
        report.figure("tasksUnfinished", unfinished);
        return missing.size();
    }

    private void read(String id, HttpResponse<String> r, FleetLedger ledger, Map<String, String> found, Set<String> missing) {
        if (r.statusCode() == 404) {
            missing.add(id);
        } else if (r.statusCode() != 200) {
            ledger.error("verify task", r.statusCode(), r.body());
            missing.add(id);
        } else {
            try {
                found.put(id, Target.JSON.readTree(r.body()).path("status").asText());
            } catch (Exception e) {
                ledger.error("verify task", 200, "unreadable: " + e);
            }
        }
    }

    /** A task the bench saw end must show that end; one it did not see end may show anything. */
    private static boolean matches(FleetLedger.Entry e, String status) {
        String expected = e.expected();
        return expected == null || expected.equals(status);
    }

    /** Stored samples against acknowledged ones for {@code sample} nodes; answers the number lost. */
    long metrics(List<FleetAgent> agents, int sample) throws Exception {
        long acked = 0;
        long stored = 0;
        long lost = 0;
        int step = Math.max(1, agents.size() / Math.max(1, sample));
        int nodes = 0;
        for (int i = 0; i < agents.size() && nodes < sample; i += step, nodes++) {
            FleetAgent agent = agents.get(i);
            long count = storedMetrics(agent.identity.nodeId());
            acked += agent.metricsAcked.get();
            stored += count;
            lost += Math.max(0, agent.metricsAcked.get() - count);
        }
        report.line(String.format("metrics of %d sampled nodes: acknowledged %d, stored %d, lost %d (acked but not "
                + "stored)", nodes, acked, stored, lost));
        report.figure("metricsSampledAcked", acked);
        report.figure("metricsSampledStored", stored);
        report.figure("metricsLost", lost);
        return lost;
    }

    /** Counts a node's samples, newest first, 100 a page, each page ending at the oldest one of the last. */
    private long storedMetrics(String nodeId) throws Exception {
        Set<String> ids = new HashSet<>();
        String to = null;
        while (true) {
            HttpResponse<String> r = target.sync(target.metricsOf(jwt, workspace, nodeId, to));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET metrics answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode page = Target.JSON.readTree(r.body());
            int before = ids.size();
            for (JsonNode m : page) {
                ids.add(m.get("id").asText());
                to = m.get("recordedAt").asText();
            }
            if (page.size() < 100 || ids.size() == before) {
                return ids.size();
            }
        }
    }
}
