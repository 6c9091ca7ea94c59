package io.nodeplane.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * What the {@code fleet} scenario did, as its operators and simulated agents did it: every task it created (when
 * the 201 came, whether it asked to cancel it, how its agent ended it), the HTTP answers it did not expect by
 * status, the socket's counters. {@link FleetCheck} compares it with what the API answers after the run.
 */
final class FleetLedger {

    /** One task the bench created; the agent may report its end before the operator has seen the 201. */
    static final class Entry {
        /** Nanos of the 201 that created it, 0 until then. */
        long createdNanos;
        boolean measured;
        /** The operator's cancel answered 201. */
        volatile boolean cancelAccepted;
        /** Nanos of the claim answer that handed it to its agent, 0 until then. */
        long claimedNanos;
        /** What the bench's agent did: {@code success} or {@code cancelled} (completed so, or refused at started). */
        volatile String agentOutcome;
        long endNanos;

        /** The status the API must show, or {@code null} while the bench has not seen the task end. */
        String expected() {
            String outcome = agentOutcome;
            return outcome != null ? outcome : cancelAccepted ? "cancelled" : null;
        }
    }

    final Map<String, Entry> tasks = new ConcurrentHashMap<>();
    final Recorder endToEnd = new Recorder(3);
    final Recorder dispatch = new Recorder(3);
    final Recorder lifecycle = new Recorder(3);
    final Recorder agentCalls = new Recorder(3);
    final Recorder metricAcks = new Recorder(3);
    final AtomicLong created = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong cancelledByAgent = new AtomicLong();
    final AtomicLong cancelledBeforeStart = new AtomicLong();
    final AtomicLong cancelsAccepted = new AtomicLong();
    final AtomicLong cancelsTooLate = new AtomicLong();
    final AtomicLong authenticated = new AtomicLong();
    final AtomicLong metricsSent = new AtomicLong();
    final AtomicLong metricsAcked = new AtomicLong();
    final AtomicLong socketFailures = new AtomicLong();
    private final Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong errorSamples = new AtomicLong();
    private final Report report;
    private volatile boolean measuring;

    FleetLedger(Report report) {
        this.report = report;
    }

    void measuring(boolean on) {
        measuring = on;
    }

    private Entry entry(String taskId) {
        return tasks.computeIfAbsent(taskId, id -> new Entry());
    }

    /** The 201 of a creation reached the operator at {@code nanos}. */
    void created(String taskId, long nanos) {
        Entry e = entry(taskId);
        created.incrementAndGet();
        synchronized (e) {
            e.createdNanos = nanos;
            e.measured = measuring;
            if (e.endNanos != 0) {
                recordEndToEnd(e);
            }
        }
    }

    /** A claim answer handed the task to its agent at {@code nanos}. */
    void claimed(String taskId, long nanos) {
        Entry e = entry(taskId);
        synchronized (e) {
            e.claimedNanos = nanos;
        }
    }

    /** One HTTP call of an agent's task lifecycle took {@code nanos}. */
    void agentCall(long nanos) {
        long micros = TimeUnit.NANOSECONDS.toMicros(nanos);
        if (measuring) {
            agentCalls.recordValue(micros);
        }
        report.series("agent lifecycle call").record(micros);
    }

    /** The agent's {@code completed} was answered 200 at {@code nanos}. */
    void agentCompleted(String taskId, String status, long nanos) {
        Entry e = entry(taskId);
        (status.equals("success") ? completed : cancelledByAgent).incrementAndGet();
        e.agentOutcome = status;
        synchronized (e) {
            e.endNanos = nanos;
            if (e.createdNanos != 0) {
                recordEndToEnd(e);
            }
        }
    }

    /** The agent's {@code started} answered 409 "already cancelled": the operator's cancel came first. */
    void agentFoundCancelled(String taskId) {
        cancelledBeforeStart.incrementAndGet();
        entry(taskId).agentOutcome = "cancelled";
    }

    void cancelAnswered(String taskId, int status, String body) {
        if (status == 201) {
            cancelsAccepted.incrementAndGet();
            entry(taskId).cancelAccepted = true;
        } else if (status == 409 && body.contains("cannot be cancelled")) {
            cancelsTooLate.incrementAndGet(); // the agent finished it first
        } else {
            error("cancel", status, body);
        }
    }

    /** With both ends known: end to end, and its two parts (201 → claim answer, claim answer → completed). */
    private void recordEndToEnd(Entry e) {
        if (e.measured && "success".equals(e.agentOutcome)) {
            long micros = TimeUnit.NANOSECONDS.toMicros(e.endNanos - e.createdNanos);
            endToEnd.recordValue(Math.max(0, micros));
            report.series("task created (201) -> completed").record(micros);
            if (e.claimedNanos != 0) {
                dispatch.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(e.claimedNanos - e.createdNanos)));
                lifecycle.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(e.endNanos - e.claimedNanos)));
            }
        }
    }

    void metricAcked(long nanos, boolean ok) {
        long micros = TimeUnit.NANOSECONDS.toMicros(nanos);
        metricAcks.recordValue(micros);
        report.series("agent.metrics ack").record(micros);
        if (ok) {
            metricsAcked.incrementAndGet();
        } else {
            error("agent.metrics ack", 0, "ok:false");
        }
    }

    /** An answer the bench did not expect; {@code status} -1 for a transport failure. The first few are printed. */
    void error(String what, int status, String detail) {
        errors.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (errorSamples.incrementAndGet() <= 8) {
            System.out.println("  unexpected: " + what + " -> " + status + " " + abbreviate(detail));
        }
    }

    void socketFailure(String what) {
        if (socketFailures.incrementAndGet() <= 5) {
            System.out.println("  socket failure: " + what);
        }
    }

    /** Unexpected answers by HTTP status (-1 transport, 0 a refused socket ack), ordered. */
    Map<Integer, Long> errorsByStatus() {
        Map<Integer, Long> sorted = new TreeMap<>();
        errors.forEach((status, n) -> sorted.put(status, n.get()));
        return sorted;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Tasks created whose end the bench has not seen (neither completed by its agent nor cancelled). */
    long unfinished() {
        return tasks.values().stream().filter(e -> e.createdNanos != 0 && e.expected() == null).count();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
