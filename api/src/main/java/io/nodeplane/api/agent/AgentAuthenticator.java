package io.nodeplane.api.agent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.command.node.NodeCredentials.Credential;
import io.nodeplane.command.node.NodeCredentials;
import io.nodeplane.query.support.PgListener;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Agent authentication (contract §1.1): {@code sha256(token)} compared in constant time with the
 * node's stored hash. Credentials are cached per node; the credential table's trigger notifies every
 * instance (PostgreSQL {@code LISTEN}) when a credential is issued, rotated or revoked, and the cache
 * forgets that node. While the listener is reconnecting, the cache is bypassed, so a revoked
 * credential is never accepted from a stale cache.
 */
@Component
public class AgentAuthenticator implements SmartLifecycle {

    public static final String NODE_HEADER = "x-agent-node-id";
    static final String MISSING = "x-agent-node-id and Authorization: Bearer <agent-token> are required";
    static final String INVALID = "Invalid agent credentials";
    private static final int MAX_CACHED = 200_000;

    private final NodeCredentials credentials;
    private final PostgresqlConnectionFactory listenerConnections;
    private final Map<UUID, Credential> cache = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private final Timer cachedCheck;
    private volatile boolean listening;
    private volatile Disposable listener;

    AgentAuthenticator(NodeCredentials credentials, PostgresqlConnectionFactory listenerConnections, MeterRegistry meters) {
        this.credentials = credentials;
        this.listenerConnections = listenerConnections;
        this.cachedCheck = Timer.builder("nodeplane.agent.auth")
                .description("Agent authentication answered from the credential cache")
                .publishPercentiles(0.5, 0.99, 0.999).register(meters);
    }

    /** Header authentication: {@code Authorization: Bearer <agentToken>} and {@code x-agent-node-id}. */
    public Mono<AgentIdentity> authenticate(ServerHttpRequest request) {
        String nodeHeader = request.getHeaders().getFirst(NODE_HEADER);
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (nodeHeader == null || nodeHeader.isBlank() || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "AGENT_CREDENTIALS_REQUIRED", MISSING));
        }
        UUID nodeId;
        try {
            nodeId = UUID.fromString(nodeHeader.trim());
        } catch (IllegalArgumentException e) {
            return Mono.error(invalid());
        }
        return authenticate(nodeId, authorization.substring(7).trim());
    }

    /** Body authentication ({@code nodeId} + {@code agentToken} in the JSON of the legacy routes and the socket). */
    public Mono<AgentIdentity> authenticate(UUID nodeId, String token) {
        if (nodeId == null || token == null || token.isEmpty()) {
            return Mono.error(invalid());
        }
        long start = System.nanoTime();
        Credential cached = listening ? cache.get(nodeId) : null;
        if (cached != null) {
            Optional<AgentIdentity> identity = check(cached, token);
            cachedCheck.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return identity.map(Mono::just).orElseGet(() -> Mono.error(invalid()));
        }
        long changesBefore = changes.get();
        return Mono.fromCallable(() -> credentials.find(nodeId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return Mono.error(invalid());
                    }
                    // a change notified while we read may be newer than what we read: then do not cache it
                    if (listening && changes.get() == changesBefore && cache.size() < MAX_CACHED) {
                        cache.put(nodeId, found.get());
                    }
                    return check(found.get(), token).map(Mono::just).orElseGet(() -> Mono.error(invalid()));
                });
    }

    /** Forget a node's credential on this instance (also done for every instance by the trigger). */
    public void evict(UUID nodeId) {
        changes.incrementAndGet();
        cache.remove(nodeId);
    }

    private static Optional<AgentIdentity> check(Credential credential, String token) {
        return MessageDigest.isEqual(credential.tokenSha256(), AgentSecrets.sha256(token))
                ? Optional.of(new AgentIdentity(credential.nodeId(), credential.workspaceId()))
                : Optional.empty();
    }

    private static ApiException invalid() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_AGENT_CREDENTIALS", INVALID);
    }

    @Override
    public void start() {
        listener = PgListener.listen(listenerConnections, "nodeplane_node_credentials", () -> {
            changes.incrementAndGet();
            cache.clear(); // anything may have changed while nobody listened
            listening = true;
        }, () -> {
            listening = false;
            changes.incrementAndGet();
            cache.clear();
        }, id -> {
            if (!id.isEmpty()) {
                evict(UUID.fromString(id));
            }
        });
    }

    @Override
    public void stop() {
        listening = false;
        Disposable current = listener;
        if (current != null) {
            current.dispose();
        }
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
