package io.nodeplane.api.agent;

import io.nodeplane.api.agent.AgentRequests.Location;
import io.nodeplane.events.node.AgentInfo;
import io.nodeplane.events.node.NodeLocation;

/** Maps what an agent says about its host, with the Go client's aliases, to {@link AgentInfo}. */
public final class AgentInfos {

    private AgentInfos() {
    }

    /** {@code os|operatingSystem|platform} and {@code arch|architecture}: the first non-blank wins. */
    public static AgentInfo of(String os, String operatingSystem, String platform, String arch, String architecture,
                               String agentVersion, String platformVersion, String kernelVersion, Location location) {
        return new AgentInfo(first(os, operatingSystem, platform), first(arch, architecture), agentVersion,
                platformVersion, kernelVersion, location == null ? null : new NodeLocation(location.provider(),
                location.source(), location.region(), location.zone(), location.latitude(), location.longitude()));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
