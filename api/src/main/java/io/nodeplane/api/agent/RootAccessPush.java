package io.nodeplane.api.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.agent.AgentSockets.Session;
import io.nodeplane.api.realtime.RealtimeListener;
import io.nodeplane.api.realtime.RealtimeMessage;
import io.nodeplane.query.realtime.RealtimeBus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an agent when an operator changed its node's root-access profile ({@code root-access.updated}); the
 * agent applies it and authenticates again with its new report. Only a change of profile is sent: the
 * agent's own report also updates the node, and echoing that back would make it re-authenticate forever.
 */
final class RootAccessPush implements RealtimeListener {

    private static final Logger log = LoggerFactory.getLogger(RootAccessPush.class);

    private final Function<UUID, Session> sessions;
    private final ObjectMapper json;

    RootAccessPush(Function<UUID, Session> sessions, ObjectMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public boolean wants(RealtimeMessage m) {
        return RealtimeBus.NODE_ROOT_ACCESS_UPDATED.equals(m.type()) && m.nodeId() != null
                && sessions.apply(m.nodeId()) != null;
    }

    @Override
    public boolean offer(List<RealtimeMessage> messages) {
        messages.forEach(this::push);
        return true;
    }

    private void push(RealtimeMessage m) {
        Session session = sessions.apply(m.nodeId());
        try {
            JsonNode node = json.readTree(m.payload());
            String profile = node.path("rootAccessProfile").asText(null);
            if (session != null && profile != null && !profile.equals(session.rootAccessProfile)) {
                session.rootAccessProfile = profile;
                String updatedAt = node.path("rootAccessUpdatedAt").asText(null);
                session.socket.emit("root-access.updated", Map.of("type", "root-access.updated",
                        "rootAccess", AgentSockets.rootAccess(profile, updatedAt == null ? null : Instant.parse(updatedAt))));
            }
        } catch (Exception e) {
            log.warn("Could not forward a root-access change to node {}: {}", m.nodeId(), e.toString());
        }
    }

    @Override
    public void overflowed() {
        // offer never refuses
    }
}
