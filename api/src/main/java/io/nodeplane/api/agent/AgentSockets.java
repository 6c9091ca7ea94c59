package io.nodeplane.api.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.realtime.RealtimeHub;
import io.nodeplane.api.realtime.RealtimeListener;
import io.nodeplane.api.realtime.socketio.SocketIoSocket;
import io.nodeplane.command.node.NodeCommands.MarkNodeOfflineCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The live agent sockets of this instance, one per node (contract §1.4): a newer authenticated socket
 * replaces the older one, which is disconnected. When a node's current socket closes, the node goes
 * offline at once ({@code node.offline}, {@code disconnectSource:"agent_realtime"}); a socket silent
 * (no ping, no metrics) for longer than the ping timeout is disconnected.
 */
@Component
class AgentSockets implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentSockets.class);

    /** One authenticated agent socket. */
    static final class Session {
        final AgentIdentity agent;
        final SocketIoSocket socket;
        volatile Instant lastActivity;
        volatile String rootAccessProfile;

        Session(AgentIdentity agent, SocketIoSocket socket, Instant now, String rootAccessProfile) {
            this.agent = agent;
            this.socket = socket;
            this.lastActivity = now;
            this.rootAccessProfile = rootAccessProfile;
        }
    }

    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();
    private final Commands commands;
    private final AgentProperties properties;
    private final Clock clock;
    private final RealtimeHub hub;
    private final RealtimeListener rootAccessChanges;
    private volatile Disposable checker;

    AgentSockets(Commands commands, AgentProperties properties, Clock clock, RealtimeHub hub, ObjectMapper json) {
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.hub = hub;
        this.rootAccessChanges = new RootAccessPush(this::current, json);
    }

    /** The root-access snapshot the agent applies ({@code agent.auth.ack}, {@code root-access.updated}). */
    static Map<String, Object> rootAccess(String profile, Instant updatedAt) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("profile", profile);
        snapshot.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        return snapshot;
    }

    /** Makes {@code session} the node's current socket; the previous one is disconnected. */
    void authenticated(Session session) {
        Session previous = sessions.put(session.agent.nodeId(), session);
        if (previous != null && previous.socket != session.socket) {
            previous.socket.disconnect("socket-replaced-after-auth-reconnect");
        }
    }

    Session current(UUID nodeId) {
        return sessions.get(nodeId);
    }

    /** The socket closed: if it was the node's current one, the node is offline now. */
    void closed(Session session, String reason) {
        if (!sessions.remove(session.agent.nodeId(), session)) {
            return; // replaced by a newer socket, which keeps the node online
        }
        commands.send(new MarkNodeOfflineCommand(session.agent.nodeId(), session.lastActivity, null, "agent_realtime"),
                        Actor.system("agent-realtime-" + session.agent.nodeId()))
                .subscribe(null, e -> log.warn("Could not mark node {} offline after its socket closed ({}): {}",
                        session.agent.nodeId(), reason, e.toString()));
    }

    @Override
    public void start() {
        hub.subscribe(rootAccessChanges);
        Duration interval = Duration.ofSeconds(Math.max(1, properties.realtimePingCheckIntervalSeconds()));
        checker = Flux.interval(interval, interval).subscribe(tick -> disconnectSilent());
    }

    private void disconnectSilent() {
        Instant cutoff = clock.instant().minusSeconds(Math.max(15, properties.realtimePingTimeoutSeconds()));
        sessions.values().stream().filter(s -> s.lastActivity.isBefore(cutoff))
                .forEach(s -> s.socket.disconnect("ping timeout"));
    }

    @Override
    public void stop() {
        hub.unsubscribe(rootAccessChanges);
        if (checker != null) {
            checker.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null && !checker.isDisposed();
    }
}
