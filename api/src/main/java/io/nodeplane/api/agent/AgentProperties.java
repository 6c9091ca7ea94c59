package io.nodeplane.api.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Agent-facing settings (contract §1.8), from the contract's environment variables.
 *
 * @param enrollmentToken             {@code AGENT_ENROLLMENT_TOKEN} for the legacy register route; blank disables it
 * @param heartbeatTimeoutSeconds     silence after which an online node is marked offline
 * @param offlineCheckIntervalSeconds how often the offline detector runs
 * @param highCpuThreshold            cpu percentage from which a metric records {@code high.cpu}
 * @param highCpuEventIntervalSeconds at most one {@code high.cpu} event per node in this window
 * @param metricsRetentionDays        metric samples older than this are deleted
 * @param publicApiUrl                {@code AGENT_PUBLIC_API_URL}: the API origin agents reach
 * @param realtimePingTimeoutSeconds  an agent socket silent for longer is disconnected (at least 15)
 * @param realtimePingCheckIntervalSeconds how often silent agent sockets are looked for (at least 1)
 */
@ConfigurationProperties("nodeplane.agent")
public record AgentProperties(String enrollmentToken, int heartbeatTimeoutSeconds, int offlineCheckIntervalSeconds,
                              double highCpuThreshold, int highCpuEventIntervalSeconds, int metricsRetentionDays,
                              String publicApiUrl, @DefaultValue("45") int realtimePingTimeoutSeconds,
                              @DefaultValue("5") int realtimePingCheckIntervalSeconds) {
}
