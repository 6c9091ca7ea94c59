package io.nodeplane.api.agent;

import io.nodeplane.api.agent.AgentRequests.RegisterRequest;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.command.node.NodeCommands.RegisterAgentCommand;
import io.nodeplane.events.node.AgentInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Deprecated shared-token registration (contract §1.2, "legacy"): still served, still tested. */
@RestController
@Tag(name = "Agent")
class AgentRegisterController {

    private final AgentProperties properties;
    private final AgentSecrets secrets;
    private final Commands commands;
    private final AgentAuthenticator authenticator;
    private final NodeQueryService nodes;

    AgentRegisterController(AgentProperties properties, AgentSecrets secrets, Commands commands,
                            AgentAuthenticator authenticator, NodeQueryService nodes) {
        this.nodes = nodes;
        this.properties = properties;
        this.secrets = secrets;
        this.commands = commands;
        this.authenticator = authenticator;
    }

    @PostMapping("/api/v1/agent/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an agent with AGENT_ENROLLMENT_TOKEN (deprecated)",
            description = "403 on a wrong token. Creates the node online in the default workspace, or rotates the "
                    + "credential of the node with this hostname.")
    Mono<AgentCredentialsResponse> register(@Valid @RequestBody RegisterRequest r, ServerWebExchange exchange) {
        if (!tokenMatches(r.enrollmentToken())) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "INVALID_ENROLLMENT_TOKEN", "Invalid enrollment token"));
        }
        String agentToken = secrets.newAgentToken();
        AgentInfo agent = AgentInfos.of(r.os(), r.operatingSystem(), r.platform(), r.arch(), r.architecture(),
                r.agentVersion(), r.platformVersion(), r.kernelVersion(), r.location());
        return commands.<UUID>send(new RegisterAgentCommand(UUID.randomUUID(), r.hostname().trim(), agent,
                        AgentSecrets.sha256(agentToken)), Actors.anonymous(exchange))
                .doOnNext(authenticator::evict) // a rotated token replaces the old one here at once
                .flatMap(nodeId -> ReadYourWrites.await(() -> nodes.node(null, nodeId), n -> true).thenReturn(nodeId))
                .map(nodeId -> new AgentCredentialsResponse(nodeId, agentToken));
    }

    private boolean tokenMatches(String given) {
        String expected = properties.enrollmentToken();
        return expected != null && !expected.isBlank()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
