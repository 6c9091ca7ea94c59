package io.nodeplane.api.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.agent.MetricResponse;
import io.nodeplane.api.enrollment.NodeInstallResponse;
import io.nodeplane.api.node.EventResponse;
import io.nodeplane.api.node.NodeResponse;
import io.nodeplane.api.task.TaskResponse;
import io.nodeplane.query.enrollment.NodeInstallView;
import io.nodeplane.query.event.OperationalEvent;
import io.nodeplane.query.node.NodeView;
import io.nodeplane.query.task.TaskView;
import io.nodeplane.query.telemetry.MetricSample;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Renders a published read object exactly as the HTTP API shows it (contract §4: payload = entity JSON). */
@Component
class RealtimePayloads {

    private final ObjectMapper mapper;
    private final Clock clock;

    RealtimePayloads(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    String render(Object entity) {
        Object response;
        if (entity instanceof TaskView t) {
            response = TaskResponse.of(t);
        } else if (entity instanceof NodeView n) {
            response = NodeResponse.of(n);
        } else if (entity instanceof MetricSample m) {
            response = MetricResponse.of(m);
        } else if (entity instanceof OperationalEvent e) {
            response = EventResponse.of(e);
        } else if (entity instanceof NodeInstallView i) {
            response = NodeInstallResponse.of(i, clock.instant());
        } else {
            throw new IllegalArgumentException("Not a publishable entity: " + entity.getClass().getName());
        }
        try {
            return mapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
