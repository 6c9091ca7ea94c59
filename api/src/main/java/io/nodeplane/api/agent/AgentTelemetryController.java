package io.nodeplane.api.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.agent.AgentRequests.HeartbeatRequest;
import io.nodeplane.api.agent.AgentRequests.Location;
import io.nodeplane.api.agent.AgentRequests.MetricsRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Agent telemetry over HTTP (legacy body authentication, contract §1.2). Both answer 200. */
@RestController
@RequestMapping("/api/v1/agent")
@Tag(name = "Agent")
class AgentTelemetryController {

    private final AgentAuthenticator authenticator;
    private final TelemetryIngest ingest;
    private final ObjectMapper json;

    AgentTelemetryController(AgentAuthenticator authenticator, TelemetryIngest ingest, ObjectMapper json) {
        this.authenticator = authenticator;
        this.ingest = ingest;
        this.json = json;
    }

    record HeartbeatResponse(boolean acknowledged, UUID nodeId, String status, Instant lastSeenAt) {
    }

    @PostMapping("/heartbeat")
    @Operation(summary = "Heartbeat (body authentication)", description = "Marks the node online; 200 "
            + "{acknowledged, nodeId, status, lastSeenAt}. An offline node's return records node.online.")
    Mono<HeartbeatResponse> heartbeat(@Valid @RequestBody HeartbeatRequest r) {
        return authenticator.authenticate(r.nodeId(), r.agentToken())
                .flatMap(agent -> ingest.heartbeat(agent, r.agentVersion(), r.platformVersion(), r.kernelVersion(),
                        location(r.location())))
                .map(seen -> new HeartbeatResponse(true, r.nodeId(), "online", seen));
    }

    @PostMapping("/metrics")
    @Operation(summary = "Metric report (body authentication)", description = "Flat (cpuUsage) or nested "
            + "(cpu.usagePercent) form; percentages 0..100; answers the stored row once it is written.")
    Mono<MetricResponse> metrics(@Valid @RequestBody MetricsRequest r) {
        MetricValues values = MetricValues.of(r);
        return authenticator.authenticate(r.nodeId(), r.agentToken())
                .flatMap(agent -> ingest.metric(agent, values, r.agentVersion(), location(r.location())))
                .map(MetricResponse::of);
    }

    private String location(Location location) {
        try {
            return location == null ? null : json.writeValueAsString(location);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
