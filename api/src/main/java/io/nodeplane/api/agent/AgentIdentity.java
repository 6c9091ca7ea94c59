package io.nodeplane.api.agent;

import java.util.UUID;

/** An authenticated agent: its node and the workspace the node belongs to. */
public record AgentIdentity(UUID nodeId, UUID workspaceId) {
}
