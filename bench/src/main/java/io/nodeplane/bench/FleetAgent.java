package io.nodeplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * One simulated Noderax agent of the {@code fleet} scenario, as the real one behaves (contract §1.4–§1.6): a
 * Socket.IO session ({@link SocketAgent}, driven by the scenario's ticker) and, over HTTP, a long-poll claim loop
 * ({@code maxTasks 1, waitMs 30000}) that runs each claimed task's lifecycle: {@code accepted}, {@code started},
 * three {@code logs} lines, {@code control} every 2 s (or once, for a shorter task) and {@code completed} with
 * exit code 0 after the task's duration, or {@code cancelled} when the control answer asks for it. A
 * {@code started} refused with "already cancelled" (the operator's cancel came between claim and start) ends the
 * task on the agent's side as the real agent does. Non-blocking: every call is a Reactor Netty request on the
 * shared event loops, chained, never a thread per agent.
 */
final class FleetAgent implements SocketAgent.Listener {

    private static final String CLAIM = "{\"maxTasks\":1,\"waitMs\":30000}";
    private static final long CONTROL_EVERY_MS = 2_000;
    private static final String[][] LOG_LINES = {{"system", "running shell.exec command via /bin/sh -c"},
        {"stdout", "fleet bench task output"}, {"system", "command finished with exit code 0"}};

    /** An HTTP answer: status and body. */
    record Answer(int status, String body) {
    }

    final Target.Agent identity;
    final SocketAgent socket;
    final AtomicLong metricsAcked = new AtomicLong();
    private final HttpClient http;
    private final String base;
    private final long taskMs;
    private final FleetLedger ledger;
    private volatile boolean running = true;
    private Disposable loop;

    FleetAgent(Target.Agent identity, HttpClient shared, String base, long taskMs, FleetLedger ledger) {
        this.identity = identity;
        this.http = shared.headers(h -> h.set("Authorization", "Bearer " + identity.token())
                .set("x-agent-node-id", identity.nodeId()).set("Content-Type", "application/json")
                .set("Accept", "application/json"));
        this.base = base;
        this.taskMs = taskMs;
        this.ledger = ledger;
        this.socket = new SocketAgent(identity, this);
    }

    /** Starts the claim loop: claim, run what came, claim again, until {@link #stop()}. */
    void start() {
        loop = Mono.defer(this::cycle).repeat(() -> running).subscribe();
    }

    void stop() {
        running = false;
        if (loop != null) {
            loop.dispose();
        }
    }

    private Mono<Void> cycle() {
        return call(HttpMethod.POST, "/api/v1/agent/tasks/claim", CLAIM).flatMap(a -> {
            if (a.status() != 200) {
                ledger.error("claim", a.status(), a.body());
                return Mono.delay(Duration.ofSeconds(1)).then();
            }
            JsonNode task = parse(a.body()).path("task");
            if (!task.hasNonNull("id")) {
                return Mono.<Void>empty();
            }
            ledger.claimed(task.get("id").asText(), System.nanoTime());
            return run(task.get("id").asText());
        }).onErrorResume(e -> {
            if (running) {
                ledger.error("claim", -1, e.toString());
            }
            return Mono.delay(Duration.ofSeconds(1)).then(); // back off, as the agent does on network errors
        });
    }

    private Mono<Void> run(String id) {
        long began = System.nanoTime();
        String path = "/api/v1/agent/tasks/" + id + "/";
        return call(HttpMethod.POST, path + "accepted", transition(id)).filter(a -> ok(a, "accepted"))
                .flatMap(a -> call(HttpMethod.POST, path + "started", transition(id)))
                .filter(a -> {
                    if (a.status() == 409 && a.body().contains("already cancelled")) {
                        ledger.agentFoundCancelled(id);
                        return false;
                    }
                    return ok(a, "started");
                })
                .flatMap(a -> Flux.fromArray(LOG_LINES).concatMap(l -> call(HttpMethod.POST, path + "logs", log(id, l)))
                        .all(answer -> ok(answer, "logs")))
                .filter(Boolean::booleanValue)
                .flatMap(x -> work(path, taskMs))
                .flatMap(cancelReason -> complete(id, path, cancelReason, began))
                .onErrorResume(e -> {
                    ledger.error("task lifecycle", -1, e.toString());
                    return Mono.empty();
                });
    }

    /** Waits out the task, asking {@code control} every 2 s and at its end: "" to finish, else the cancel reason. */
    private Mono<String> work(String path, long remainingMs) {
        long wait = Math.min(CONTROL_EVERY_MS, remainingMs);
        return Mono.delay(Duration.ofMillis(wait)).then(call(HttpMethod.GET, path + "control", null)).flatMap(a -> {
            if (ok(a, "control")) {
                JsonNode control = parse(a.body());
                if (control.path("cancelRequested").asBoolean()) {
                    String reason = control.path("cancelReason").asText("");
                    return Mono.just(reason.isBlank() ? "cancel requested" : reason);
                }
            }
            return remainingMs - wait <= 0 ? Mono.just("") : work(path, remainingMs - wait);
        });
    }

    private Mono<Void> complete(String id, String path, String cancelReason, long began) {
        boolean cancelled = !cancelReason.isEmpty();
        String status = cancelled ? "cancelled" : "success";
        String body = "{\"taskId\":\"" + id + "\",\"status\":\"" + status + "\",\"exitCode\":" + (cancelled ? -1 : 0)
                + (cancelled ? ",\"error\":" + quote(cancelReason) + ",\"output\":"
                        + quote("task cancelled by control request: " + cancelReason)
                        : ",\"output\":\"fleet bench task output\"")
                + ",\"timestamp\":\"" + now() + "\",\"durationMs\":" + (System.nanoTime() - began) / 1_000_000 + "}";
        return call(HttpMethod.POST, path + "completed", body).doOnNext(a -> {
            if (ok(a, "completed")) {
                ledger.agentCompleted(id, status, System.nanoTime());
            }
        }).then();
    }

    private boolean ok(Answer a, String route) {
        if (a.status() == 200) {
            return true;
        }
        ledger.error(route, a.status(), a.body());
        return false;
    }

    /** One request; the time of every call but the claim (a long poll) goes into the ledger. */
    private Mono<Answer> call(HttpMethod method, String path, String body) {
        HttpClient.RequestSender request = http.request(method).uri(base + path);
        HttpClient.ResponseReceiver<?> receiver = body == null ? request
                : request.send(ByteBufFlux.fromString(Mono.just(body)));
        return Mono.defer(() -> {
            long sent = System.nanoTime();
            return receiver.responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                    .map(text -> new Answer(response.status().code(), text))).doOnNext(a -> {
                        if (!path.endsWith("/claim")) {
                            ledger.agentCall(System.nanoTime() - sent);
                        }
                    });
        });
    }

    private static String transition(String id) {
        return "{\"taskId\":\"" + id + "\",\"timestamp\":\"" + now() + "\"}";
    }

    private static String log(String id, String[] line) {
        return "{\"taskId\":\"" + id + "\",\"stream\":\"" + line[0] + "\",\"line\":" + quote(line[1]) + ",\"timestamp\":\""
                + now() + "\"}";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String quote(String s) {
        try {
            return Target.JSON.writeValueAsString(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Target.JSON.readTree(body);
        } catch (java.io.IOException e) {
            return Target.JSON.missingNode();
        }
    }

    // the socket session: counts this node's acked metrics (FleetCheck compares them with what the API stored)

    @Override
    public void authenticated(SocketAgent agent) {
        ledger.authenticated.incrementAndGet();
    }

    @Override
    public void acked(String event, long nanos, boolean ok) {
        if ("agent.metrics".equals(event)) {
            if (ok) {
                metricsAcked.incrementAndGet();
            }
            ledger.metricAcked(nanos, ok);
        }
    }

    @Override
    public void failed(String what) {
        ledger.socketFailure(what);
    }
}
