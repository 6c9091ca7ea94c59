package io.nodeplane.query.telemetry;

import java.time.Instant;
import java.util.UUID;

/** "Node X reported at T" (heartbeat or metric), with the versions and location it sent, if any. */
public record PresenceReport(UUID nodeId, Instant at, String agentVersion, String platformVersion,
                             String kernelVersion, String locationJson) {
}
