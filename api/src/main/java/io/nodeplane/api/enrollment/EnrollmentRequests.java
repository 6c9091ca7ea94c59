package io.nodeplane.api.enrollment;

import io.nodeplane.api.agent.AgentInfos;
import io.nodeplane.api.agent.AgentRequests.Location;
import io.nodeplane.events.node.AgentInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of enrollment and one-click install (contract §1.2, §1.3). */
final class EnrollmentRequests {

    private EnrollmentRequests() {
    }

    /** What an agent tells about its host; {@code operatingSystem}/{@code platform}/{@code architecture} are Go aliases. */
    record AdditionalInfo(@Size(max = 120) String os, @Size(max = 120) String operatingSystem,
                          @Size(max = 120) String platform, @Size(max = 64) String arch,
                          @Size(max = 64) String architecture, @Size(max = 64) String agentVersion,
                          @Size(max = 255) String platformVersion, @Size(max = 255) String kernelVersion,
                          @Valid Location location) {

        AgentInfo toAgentInfo() {
            return AgentInfos.of(os, operatingSystem, platform, arch, architecture, agentVersion, platformVersion,
                    kernelVersion, location);
        }

        static AgentInfo of(AdditionalInfo info) {
            return info == null ? AgentInfo.UNKNOWN : info.toAgentInfo();
        }
    }

    record InitiateRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 255) String hostname,
                           @Valid AdditionalInfo additionalInfo) {
    }

    record FinalizeRequest(@NotBlank @Email @Size(max = 320) String email,
                           @NotBlank @Size(min = 2, max = 120) String nodeName, @Size(max = 2000) String description) {
    }

    record CreateInstallRequest(@NotBlank @Size(min = 2, max = 120) String nodeName,
                                @Size(max = 2000) String description, UUID teamId) {
    }

    record ProgressRequest(@NotBlank @Size(min = 8, max = 256) String token,
                           @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9_]+") String stage,
                           @Pattern(regexp = "installing|completed|failed") String status,
                           @Min(0) @Max(100) Integer progressPercent, @Size(max = 1000) String statusMessage) {
    }

    record ConsumeRequest(@NotBlank @Size(min = 8, max = 256) String token, @NotBlank @Size(max = 255) String hostname,
                          @Valid AdditionalInfo additionalInfo) {
    }
}
