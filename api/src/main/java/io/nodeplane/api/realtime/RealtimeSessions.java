package io.nodeplane.api.realtime;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.security.SignedInUsers;
import io.nodeplane.api.web.ApiException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every open dashboard connection (SSE, WebSocket, Socket.IO {@code /realtime}) with the user it serves, so
 * that access which narrows after the connection opened also narrows what it delivers: when a membership is
 * removed, a workspace deleted or a user's sessions revoked ({@link RealtimeHub#accessNarrowed}, on every
 * instance), the connections concerned re-check their user and each workspace they follow at once; every
 * {@code nodeplane.realtime.access-recheck} all of them do, as a backstop. A workspace no longer readable is
 * withdrawn from the connection; a session no longer valid ends it.
 */
@Component
class RealtimeSessions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RealtimeSessions.class);

    /** One connection, as the re-check sees it. Its methods may be called from any thread. */
    interface Session {

        AuthenticatedUser user();

        /** The workspaces it delivers (joined ones, and those of joined nodes). */
        Set<UUID> workspaces();

        /** Stops delivering the workspace's messages and tells the client. */
        void withdraw(UUID workspaceId);

        /** The user's session is over: tells the client and closes. */
        void end();
    }

    /** A connection that follows rooms: a lost workspace is left with its nodes, and the client told once. */
    abstract static class RoomsSession implements Session {
        final RealtimeRooms rooms = new RealtimeRooms();
        private final AuthenticatedUser user;

        RoomsSession(AuthenticatedUser user) {
            this.user = user;
        }

        @Override
        public AuthenticatedUser user() {
            return user;
        }

        @Override
        public Set<UUID> workspaces() {
            return rooms.followed();
        }

        @Override
        public void withdraw(UUID workspaceId) {
            if (rooms.leaveWorkspace(workspaceId)) {
                withdrawn(workspaceId);
            }
        }

        /** Tells the client the workspace was withdrawn. */
        abstract void withdrawn(UUID workspaceId);
    }

    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final SignedInUsers users;
    private final RealtimeAccess access;
    private final RealtimeProperties properties;
    private final EventProcessingConfiguration processing;
    private volatile Disposable backstop;

    RealtimeSessions(SignedInUsers users, RealtimeAccess access, RealtimeProperties properties, RealtimeHub hub,
                     EventProcessingConfiguration processing) {
        this.users = users;
        this.access = access;
        this.properties = properties;
        this.processing = processing;
        hub.onAccessNarrowed(this::narrowed);
    }

    /**
     * While read models are being rebuilt (replayed), users and memberships are missing from them for a while:
     * a re-check then would end every connection. It waits for the next round instead.
     */
    private boolean rebuilding() {
        return processing.eventProcessors().values().stream()
                .anyMatch(p -> p instanceof StreamingEventProcessor s && s.isReplaying());
    }

    void opened(Session session) {
        open.add(session);
    }

    void closed(Session session) {
        open.remove(session);
    }

    /** Re-checks the connections of {@code userId} (all users when null) that follow {@code workspaceId} (any when null). */
    private void narrowed(UUID userId, UUID workspaceId) {
        if (rebuilding()) {
            log.info("Read models are being rebuilt: the access re-check of open connections waits for the next round");
            return;
        }
        Flux.fromIterable(open)
                .filter(s -> (userId == null || userId.equals(s.user().id()))
                        && (workspaceId == null || s.workspaces().contains(workspaceId)))
                .flatMap(this::recheck, 8)
                .subscribe();
    }

    Mono<Void> recheck(Session session) {
        return users.stillSignedIn(session.user()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(current -> current.isEmpty()
                        ? Mono.fromRunnable(() -> end(session))
                        : Flux.fromIterable(Set.copyOf(session.workspaces()))
                                .concatMap(workspaceId -> access.workspace(current.get(), workspaceId).then()
                                        .onErrorResume(ApiException.class, e -> Mono.fromRunnable(
                                                () -> session.withdraw(workspaceId))))
                                .then())
                .onErrorResume(e -> {
                    // the read model is unreachable: keep the connection; the next check decides
                    log.warn("Could not re-check the access of a realtime connection of user {}: {}",
                            session.user().id(), e.toString());
                    return Mono.empty();
                });
    }

    private void end(Session session) {
        open.remove(session);
        session.end();
    }

    /** How many connections of the user are open (tests count them: a closed connection leaves none behind). */
    long openFor(UUID userId) {
        return open.stream().filter(s -> userId.equals(s.user().id())).count();
    }

    @Override
    public void start() {
        backstop = Flux.interval(properties.accessRecheck())
                .onBackpressureDrop()
                .filter(tick -> !rebuilding())
                .concatMap(tick -> Flux.fromIterable(open).flatMap(this::recheck, 8).then(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        if (backstop != null) {
            backstop.dispose();
            backstop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return backstop != null;
    }
}
