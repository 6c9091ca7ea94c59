package io.nodeplane.events.node;

/**
 * What an agent says about its host when it enrolls or registers (contract §1.2 {@code additionalInfo}).
 * Every field is optional; {@code os}/{@code arch} fall back to {@code "unknown"} on the node.
 */
public record AgentInfo(String os, String arch, String agentVersion, String platformVersion, String kernelVersion,
                        NodeLocation location) {

    public static final AgentInfo UNKNOWN = new AgentInfo(null, null, null, null, null, null);
}
