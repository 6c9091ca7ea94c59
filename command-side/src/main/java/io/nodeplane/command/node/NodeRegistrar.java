package io.nodeplane.command.node;

import static io.nodeplane.command.support.CommandRejectedException.conflict;

import io.nodeplane.command.support.UniqueKeys;
import io.nodeplane.events.node.AgentInfo;
import io.nodeplane.events.node.NodeRegisteredEvent;
import io.nodeplane.events.node.NodeRegistrationSource;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates nodes for the three ways an agent joins (enrollment approval, install consumption, legacy
 * register), inside the caller's command: hostname claim, credential and events commit together.
 */
@Component
public class NodeRegistrar {

    /** Everything a new node needs; {@code tokenSha256} is the hash of the agent token just issued. */
    public record Registration(UUID nodeId, UUID workspaceId, String name, String description, String hostname,
                               UUID teamId, AgentInfo agent, NodeRegistrationSource source, boolean online,
                               byte[] tokenSha256) {
    }

    private final Repository<Node> nodes;
    private final UniqueKeys uniqueKeys;
    private final NodeCredentials credentials;

    NodeRegistrar(Repository<Node> nodes, UniqueKeys uniqueKeys, NodeCredentials credentials) {
        this.nodes = nodes;
        this.uniqueKeys = uniqueKeys;
        this.credentials = credentials;
    }

    public void register(Registration r) throws Exception {
        if (!uniqueKeys.claim(UniqueKeys.NODE_HOSTNAME, hostnameKey(r.hostname()), r.nodeId())) {
            throw conflict("NODE_HOSTNAME_TAKEN", "A node with this hostname already exists");
        }
        AgentInfo agent = r.agent() == null ? AgentInfo.UNKNOWN : r.agent();
        credentials.store(r.nodeId(), r.workspaceId(), r.tokenSha256());
        NodeRegisteredEvent event = new NodeRegisteredEvent(r.nodeId(), r.workspaceId(), Node.validName(r.name()),
                blankToNull(r.description()), r.hostname().trim(), orUnknown(agent.os()), orUnknown(agent.arch()),
                r.teamId(), agent, r.source(), r.online());
        nodes.newInstance(() -> new Node(event));
    }

    static String hostnameKey(String hostname) {
        return hostname.trim().toLowerCase(Locale.ROOT);
    }

    static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
