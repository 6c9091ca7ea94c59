package io.nodeplane.api.agent;

import static io.nodeplane.api.agent.AgentSocketMessages.answer;
import static io.nodeplane.api.agent.AgentSocketMessages.refuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.agent.AgentRequests.MetricsRequest;
import io.nodeplane.api.agent.AgentSockets.Session;
import io.nodeplane.api.realtime.socketio.SocketIoSocket;
import io.nodeplane.api.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code agent.metrics} on the agent socket: the same request, validation and ingestion as
 * {@code POST /agent/metrics}, for the node the socket authenticated as. A refused report is answered with
 * {@code agent.error} and {@code {ok:false}}; the socket stays open.
 */
@Component
class SocketMetrics {

    private final TelemetryIngest ingest;
    private final ObjectMapper json;
    private final Validator validator;

    SocketMetrics(TelemetryIngest ingest, ObjectMapper json, Validator validator) {
        this.ingest = ingest;
        this.json = json;
        this.validator = validator;
    }

    Mono<Object> store(SocketIoSocket socket, Session session, JsonNode body) {
        MetricsRequest request;
        MetricValues values;
        try {
            request = json.treeToValue(body, MetricsRequest.class);
            Set<ConstraintViolation<MetricsRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                ConstraintViolation<MetricsRequest> v = violations.iterator().next();
                return refuse(socket, "agent.metrics", v.getPropertyPath() + " " + v.getMessage());
            }
            if (!session.agent.nodeId().equals(request.nodeId())) {
                return refuse(socket, "agent.metrics", "nodeId does not match the authenticated node");
            }
            values = MetricValues.of(request);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return refuse(socket, "agent.metrics", "Malformed metrics payload");
        } catch (ApiException e) {
            return refuse(socket, "agent.metrics", e.getMessage());
        }
        String location = request.location() == null ? null : body.get("location").toString();
        return ingest.metric(session.agent, values, request.agentVersion(), location)
                .map(stored -> (Object) answer("agent.metrics").with("nodeId", session.agent.nodeId().toString()).map());
    }
}
