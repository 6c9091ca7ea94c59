package io.nodeplane.api.realtime;

import io.nodeplane.api.security.AuthenticatedUser;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The workspaces and nodes one realtime connection (WebSocket or Socket.IO) has joined, each only once
 * {@link RealtimeAccess} allowed it. A message is covered when its workspace or its node was joined.
 * {@link RealtimeSessions} withdraws a workspace whose access was lost.
 */
final class RealtimeRooms {

    /** What a connection can join. */
    enum Kind { WORKSPACE, NODE }

    private final Set<UUID> workspaces = ConcurrentHashMap.newKeySet();
    /** Joined nodes, each with its workspace (what access is checked against). */
    private final Map<UUID, UUID> nodes = new ConcurrentHashMap<>();

    boolean covers(RealtimeMessage m) {
        return workspaces.contains(m.workspaceId()) || m.nodeId() != null && nodes.containsKey(m.nodeId());
    }

    /** The workspaces whose messages this connection receives: joined ones and those of joined nodes. */
    Set<UUID> followed() {
        Set<UUID> followed = new HashSet<>(workspaces);
        followed.addAll(nodes.values());
        return followed;
    }

    /** Leaves the workspace and every joined node of it; whether anything was left. */
    boolean leaveWorkspace(UUID workspaceId) {
        boolean left = workspaces.remove(workspaceId);
        return nodes.values().removeIf(workspaceId::equals) || left;
    }

    /** Workspaces the user was already found to read (Socket.IO joins all of them on connect). */
    void joinAll(Collection<UUID> workspaceIds) {
        workspaces.addAll(workspaceIds);
    }

    /** Joins when the user may read it; fails with {@code RealtimeAccess}'s 404 otherwise. */
    Mono<UUID> join(RealtimeAccess access, AuthenticatedUser user, Kind kind, UUID id) {
        Mono<UUID> allowed = kind == Kind.WORKSPACE ? access.workspace(user, id) : access.nodeWorkspace(user, id);
        return allowed.doOnNext(workspaceId -> {
            if (kind == Kind.WORKSPACE) {
                workspaces.add(id);
            } else {
                nodes.put(id, workspaceId);
            }
        });
    }

    /** Whether it had been joined. */
    boolean leave(Kind kind, UUID id) {
        return kind == Kind.WORKSPACE ? workspaces.remove(id) : nodes.remove(id) != null;
    }
}
