package io.nodeplane.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Sinks;

/**
 * One simulated Noderax agent on the {@code /agent-realtime} Socket.IO namespace, speaking Engine.IO 4 text
 * frames over a WebSocket: connect to the namespace, {@code agent.auth}, then {@code agent.ping} and
 * {@code agent.metrics} with acks, answering the server's pings.
 */
final class SocketAgent {

    private static final String NSP = "/agent-realtime";

    /** What the scenario learns from the agents. */
    interface Listener {
        void authenticated(SocketAgent agent);

        void acked(String event, long nanos, boolean ok);

        void failed(String what);
    }

    final Target.Agent identity;
    final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Listener listener;
    private final AtomicInteger nextAck = new AtomicInteger(1);
    private final Map<Integer, long[]> pending = new ConcurrentHashMap<>();
    private final Map<Integer, String> pendingEvent = new ConcurrentHashMap<>();
    volatile boolean authenticated;

    SocketAgent(Target.Agent identity, Listener listener) {
        this.identity = identity;
        this.listener = listener;
    }

    void receive(String frame) {
        if (frame.startsWith("0{")) {
            send("40" + NSP + ",");
        } else if (frame.equals("2")) {
            send("3");
        } else if (frame.startsWith("40" + NSP + ",")) {
            emit("agent.auth", "{\"type\":\"agent.auth\",\"nodeId\":\"" + identity.nodeId() + "\",\"agentToken\":\""
                    + identity.token() + "\",\"agentVersion\":\"bench\"}");
        } else if (frame.startsWith("42" + NSP + ",[\"agent.auth.ack\"")) {
            authenticated = true;
            listener.authenticated(this);
        } else if (frame.startsWith("43" + NSP + ",")) {
            int open = frame.indexOf('[');
            int id = Integer.parseInt(frame.substring(NSP.length() + 3, open));
            long[] sent = pending.remove(id);
            String event = pendingEvent.remove(id);
            if (sent != null && !"agent.auth".equals(event)) {
                listener.acked(event, System.nanoTime() - sent[0], frame.contains("\"ok\":true"));
            }
        } else if (frame.startsWith("42" + NSP + ",[\"agent.auth.error\"") || frame.startsWith("44" + NSP)) {
            listener.failed("auth refused");
        } else if (frame.startsWith("41" + NSP)) {
            listener.failed("disconnected by the server");
        }
    }

    void ping() {
        emit("agent.ping", "{\"type\":\"agent.ping\",\"timestamp\":\"" + java.time.Instant.now() + "\"}");
    }

    void metrics(double cpu) {
        emit("agent.metrics", "{\"type\":\"agent.metrics\",\"nodeId\":\"" + identity.nodeId() + "\",\"agentToken\":\""
                + identity.token() + "\",\"agentVersion\":\"bench\",\"timestamp\":\"" + java.time.Instant.now()
                + "\",\"cpuUsage\":" + cpu + ",\"memoryUsage\":41.5,\"diskUsage\":63.2,\"temperature\":47,"
                + "\"networkStats\":[{\"name\":\"eth0\",\"bytesRecv\":1024,\"bytesSent\":2048}],"
                + "\"networks\":[{\"name\":\"eth0\",\"bytesRecv\":1024,\"bytesSent\":2048}]}");
    }

    private void emit(String event, String json) {
        int id = nextAck.getAndIncrement();
        pending.put(id, new long[] {System.nanoTime()});
        pendingEvent.put(id, event);
        send("42" + NSP + "," + id + "[\"" + event + "\"," + json + "]");
    }

    /** Serialized: the ticker's reports and the I/O thread's answers (pong, auth) must not emit at once. */
    private synchronized void send(String frame) {
        if (outbound.tryEmitNext(frame).isFailure()) {
            listener.failed("could not queue a frame");
        }
    }
}
