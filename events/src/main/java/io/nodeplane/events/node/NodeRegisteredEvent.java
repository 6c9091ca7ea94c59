package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A node joined a workspace. Its agent credential is stored beside the event store, never in it.
 *
 * @param teamId the owning team, or {@code null}
 * @param online whether the node starts online (legacy register) or offline (enrollment, install)
 */
@Revision("1")
public record NodeRegisteredEvent(UUID nodeId, UUID workspaceId, String name, String description, String hostname,
                                  String os, String arch, UUID teamId, AgentInfo agent, NodeRegistrationSource source,
                                  boolean online) implements NodeEvent {
}
