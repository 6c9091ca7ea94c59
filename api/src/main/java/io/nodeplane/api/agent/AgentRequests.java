package io.nodeplane.api.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Request bodies of the agent's HTTP routes, field for field as the Noderax agent sends them (§1.2, §1.7). */
public final class AgentRequests {

    private AgentRequests() {
    }

    /** Where a node runs; newer agents send it (the reference API rejects it, Nodeplane stores it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(@Size(max = 64) String provider, @Size(max = 64) String source,
                           @Size(max = 128) String region, @Size(max = 128) String zone,
                           @DecimalMin("-90") @DecimalMax("90") Double latitude,
                           @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** Legacy body authentication: the token must be at least 32 characters over HTTP. */
    public record HeartbeatRequest(@NotNull UUID nodeId, @NotBlank @Size(min = 32, max = 256) String agentToken,
                                   @Size(max = 64) String agentVersion, @Size(max = 255) String platformVersion,
                                   @Size(max = 255) String kernelVersion, @Size(max = 64) String sentAt,
                                   @Valid Location location) {
    }

    /** {@code AgentMetricsDto}: each of cpu/memory/disk in the flat or the nested form. */
    public record MetricsRequest(@NotNull UUID nodeId, @NotBlank @Size(min = 32, max = 256) String agentToken,
                                 @Size(max = 64) String agentVersion,
                                 @DecimalMin("0") @DecimalMax("100") Double cpuUsage,
                                 @DecimalMin("0") @DecimalMax("100") Double memoryUsage,
                                 @DecimalMin("0") @DecimalMax("100") Double diskUsage,
                                 @DecimalMin("-273.15") @DecimalMax("1000") Double temperature,
                                 JsonNode networkStats, @Size(max = 64) String collectedAt,
                                 JsonNode cpu, JsonNode memory, JsonNode disk,
                                 @Size(max = 256) List<JsonNode> networks, @Valid Location location) {
    }

    /** Deprecated shared-token registration; accepts the Go client's aliases for os and arch. */
    public record RegisterRequest(@NotBlank @Size(max = 256) String enrollmentToken,
                                  @NotBlank @Size(max = 255) String hostname,
                                  @Size(max = 120) String os, @Size(max = 120) String operatingSystem,
                                  @Size(max = 120) String platform, @Size(max = 64) String arch,
                                  @Size(max = 64) String architecture, @Size(max = 255) String platformVersion,
                                  @Size(max = 255) String kernelVersion, @Size(max = 64) String agentVersion,
                                  @Valid Location location) {
    }
}
