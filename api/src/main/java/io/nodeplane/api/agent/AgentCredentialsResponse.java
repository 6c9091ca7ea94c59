package io.nodeplane.api.agent;

import java.util.UUID;

/** The credential an agent keeps ({@code node_id}, {@code agent_token} in its state file); shown once. */
public record AgentCredentialsResponse(UUID nodeId, String agentToken) {
}
