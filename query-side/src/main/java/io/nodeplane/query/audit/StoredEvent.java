package io.nodeplane.query.audit;

import java.time.Instant;

/**
 * One event exactly as the event store holds it, for auditors.
 *
 * @param aggregateType   {@code null} for events not owned by an aggregate (e.g. sign-ins)
 * @param payload         the stored JSON payload, as text
 * @param metadata        the stored JSON metadata (actor, IP, user agent, correlation id), as text
 */
public record StoredEvent(
        long globalIndex, String eventId, String aggregateType, String aggregateId, long sequenceNumber,
        Instant timestamp, String payloadType, String payloadRevision, String payload, String metadata) {
}
