package io.nodeplane.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.nodeplane.query.audit.StoredEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One raw event from the event store, as stored, with its metadata. */
@Schema(name = "StoredEvent")
public record StoredEventResponse(
        @Schema(description = "Position in the store; strictly increasing, may have gaps") long globalIndex,
        String eventId,
        @Schema(description = "Aggregate type, null for events outside an aggregate") String aggregateType,
        String aggregateId,
        @Schema(description = "Position within the aggregate's stream: 0, 1, 2 … without gaps") long sequenceNumber,
        Instant timestamp, @Schema(example = "io.nodeplane.events.user.UserCreatedEvent") String payloadType,
        String payloadRevision, @JsonRawValue @Schema(type = "object") String payload,
        @JsonRawValue @Schema(type = "object", description = "actorType, actorUserId, actorEmail, ipAddress, "
                + "userAgent, correlationId") String metadata) {

    static StoredEventResponse of(StoredEvent e) {
        return new StoredEventResponse(e.globalIndex(), e.eventId(), e.aggregateType(), e.aggregateId(),
                e.sequenceNumber(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(),
                e.metadata() == null ? "{}" : e.metadata());
    }
}
