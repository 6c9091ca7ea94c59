package io.nodeplane.query.node;

import io.nodeplane.query.support.Like;
import io.nodeplane.query.node.NodeView.RootAccess;
import io.nodeplane.query.support.Rows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes {@code node_view}; writes are idempotent (guarded by the node's event sequence). */
@Repository
public class NodeViewRepository {

    static final String SELECT = """
            SELECT n.*, t.name AS team_name, p.last_seen_at, p.last_version_reported_at,
                   COALESCE(p.agent_version, n.agent_version) AS reported_agent_version,
                   COALESCE(p.platform_version, n.platform_version) AS reported_platform_version,
                   COALESCE(p.kernel_version, n.kernel_version) AS reported_kernel_version,
                   COALESCE(p.location, n.location) AS reported_location
            FROM node_view n LEFT JOIN team_view t ON t.id = n.team_id LEFT JOIN node_presence p ON p.node_id = n.id""";

    private final DatabaseClient db;

    public NodeViewRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Row values of a newly registered node. */
    public record NewNode(UUID id, UUID workspaceId, String name, String description, String hostname, String os,
                          String arch, String status, UUID teamId, String agentVersion, String platformVersion,
                          String kernelVersion, String locationJson, String source) {
    }

    public Mono<Void> insert(NewNode n, Instant at, long seq) {
        GenericExecuteSpec spec = db.sql("""
                INSERT INTO node_view (id, workspace_id, name, description, hostname, os, arch, status, team_id,
                    agent_version, platform_version, kernel_version, location, registration_source, created_at,
                    updated_at, last_event_seq)
                VALUES (:id, :ws, :name, :description, :hostname, :os, :arch, :status, :team, :agent, :platform,
                    :kernel, :location, :source, :at, :at, :seq)
                ON CONFLICT (id) DO NOTHING""")
                .bind("id", n.id()).bind("ws", n.workspaceId()).bind("name", n.name())
                .bind("hostname", n.hostname()).bind("os", n.os()).bind("arch", n.arch()).bind("status", n.status())
                .bind("source", n.source()).bind("at", at).bind("seq", seq);
        spec = text(spec, "description", n.description());
        spec = text(spec, "agent", n.agentVersion());
        spec = text(spec, "platform", n.platformVersion());
        spec = text(spec, "kernel", n.kernelVersion());
        spec = spec.bind("team", Parameter.fromOrEmpty(n.teamId(), UUID.class))
                .bind("location", Parameter.fromOrEmpty(n.locationJson() == null ? null : Json.of(n.locationJson()), Json.class));
        return spec.then();
    }

    public Mono<Void> reregister(UUID id, String os, String arch, String agentVersion, String platformVersion,
                                 String kernelVersion, String locationJson, Instant at, long seq) {
        GenericExecuteSpec spec = db.sql("""
                UPDATE node_view SET os = :os, arch = :arch, agent_version = COALESCE(:agent, agent_version),
                    platform_version = COALESCE(:platform, platform_version),
                    kernel_version = COALESCE(:kernel, kernel_version), location = COALESCE(:location, location),
                    updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("os", os).bind("arch", arch).bind("at", at).bind("seq", seq).bind("id", id)
                .bind("location", Parameter.fromOrEmpty(locationJson == null ? null : Json.of(locationJson), Json.class));
        spec = text(spec, "agent", agentVersion);
        spec = text(spec, "platform", platformVersion);
        return text(spec, "kernel", kernelVersion).then();
    }

    public Mono<Void> updateDetails(UUID id, String name, String description, Instant at, long seq) {
        return text(db.sql("""
                UPDATE node_view SET name = :name, description = :description, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("name", name).bind("at", at).bind("seq", seq).bind("id", id), "description", description).then();
    }

    public Mono<Void> assignTeam(UUID id, UUID teamId, Instant at, long seq) {
        return db.sql("""
                UPDATE node_view SET team_id = :team, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("team", Parameter.fromOrEmpty(teamId, UUID.class)).bind("at", at).bind("seq", seq).bind("id", id)
                .then();
    }

    public Mono<Void> maintenance(UUID id, boolean enabled, String reason, UUID byUserId, Instant at, long seq) {
        return text(db.sql("""
                UPDATE node_view SET maintenance_mode = :enabled, maintenance_reason = :reason,
                    maintenance_started_at = CASE WHEN :enabled THEN COALESCE(maintenance_started_at, :at) END,
                    maintenance_by_user_id = :by, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("enabled", enabled).bind("by", Parameter.fromOrEmpty(enabled ? byUserId : null, UUID.class))
                .bind("at", at).bind("seq", seq).bind("id", id), "reason", reason).then();
    }

    /** A new desired profile: pending until the agent reports it applied. */
    public Mono<Void> rootAccessProfile(UUID id, String profile, UUID byUserId, Instant at, long seq) {
        return db.sql("""
                UPDATE node_view SET root_access_profile = :profile,
                    root_access_sync_status = CASE WHEN root_access_applied_profile = :profile THEN 'applied'
                        ELSE 'pending' END,
                    root_access_updated_at = :at, root_access_updated_by_user_id = :by, updated_at = :at,
                    last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("profile", profile).bind("by", Parameter.fromOrEmpty(byUserId, UUID.class)).bind("at", at)
                .bind("seq", seq).bind("id", id).then();
    }

    /** The agent's report: applied profile, when, and its last error; the sync status follows from them. */
    public Mono<Void> rootAccessReported(UUID id, String applied, Instant appliedAt, String error, Instant at, long seq) {
        return db.sql("""
                UPDATE node_view SET root_access_applied_profile = :applied, root_access_last_applied_at = :appliedAt,
                    root_access_last_error = :error,
                    root_access_sync_status = CASE WHEN :error::text IS NOT NULL THEN 'failed'
                        WHEN :applied::text = root_access_profile THEN 'applied' ELSE 'pending' END,
                    updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("applied", Parameter.fromOrEmpty(applied, String.class))
                .bind("appliedAt", Parameter.fromOrEmpty(appliedAt, Instant.class))
                .bind("error", Parameter.fromOrEmpty(error, String.class)).bind("at", at).bind("seq", seq).bind("id", id)
                .then();
    }

    public Mono<Void> status(UUID id, String status, Instant at, long seq) {
        return db.sql("""
                UPDATE node_view SET status = :status, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("status", status).bind("at", at).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM node_view WHERE id = :id").bind("id", id).then();
    }

    /** A deleted team owns no nodes any more. */
    public Mono<Void> clearTeam(UUID teamId) {
        return db.sql("UPDATE node_view SET team_id = NULL WHERE team_id = :team").bind("team", teamId).then();
    }

    public Mono<Void> deleteWorkspace(UUID workspaceId) {
        return db.sql("DELETE FROM node_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM node_view").then();
    }

    Mono<NodeView> findById(UUID workspaceId, UUID id) {
        String where = workspaceId == null ? " WHERE n.id = :id" : " WHERE n.id = :id AND n.workspace_id = :ws";
        GenericExecuteSpec spec = db.sql(SELECT + where).bind("id", id);
        if (workspaceId != null) {
            spec = spec.bind("ws", workspaceId);
        }
        return spec.map(NodeViewRepository::map).one();
    }

    Flux<NodeView> find(UUID workspaceId, NodeFilter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        if (workspaceId != null) {
            sql.append(" AND n.workspace_id = :ws");
        }
        if (f.status() != null) {
            sql.append(" AND n.status = :status");
        }
        if (f.teamId() != null) {
            sql.append(" AND n.team_id = :team");
        }
        if (f.q() != null) {
            sql.append(" AND (lower(n.name) LIKE :q OR lower(n.hostname) LIKE :q)");
        }
        sql.append(" ORDER BY lower(n.name), n.id LIMIT :limit OFFSET :offset");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", f.limit()).bind("offset", f.offset());
        if (workspaceId != null) {
            spec = spec.bind("ws", workspaceId);
        }
        if (f.status() != null) {
            spec = spec.bind("status", f.status());
        }
        if (f.teamId() != null) {
            spec = spec.bind("team", f.teamId());
        }
        if (f.q() != null) {
            spec = spec.bind("q", Like.contains(f.q()));
        }
        return spec.map(NodeViewRepository::map).all();
    }

    /** Which of these nodes the read model shows offline (telemetry then asks for the online transition). */
    Flux<UUID> findOffline(List<UUID> ids) {
        return db.sql("SELECT id FROM node_view WHERE id = ANY(:ids) AND status = 'offline'")
                .bind("ids", ids.toArray(UUID[]::new)).map(r -> r.get("id", UUID.class)).all();
    }

    /** Online nodes whose last report (or registration, if none) is older than {@code cutoff}. */
    Flux<SilentNode> findSilent(Instant cutoff) {
        return db.sql("""
                SELECT n.id, p.last_seen_at FROM node_view n LEFT JOIN node_presence p ON p.node_id = n.id
                WHERE n.status = 'online' AND COALESCE(p.last_seen_at, n.updated_at) < :cutoff""")
                .bind("cutoff", cutoff)
                .map(r -> new SilentNode(r.get("id", UUID.class), Rows.instant(r, "last_seen_at"))).all();
    }

    private static GenericExecuteSpec text(GenericExecuteSpec spec, String name, String value) {
        return spec.bind(name, Parameter.fromOrEmpty(value, String.class));
    }

    public static NodeView map(Readable r) {
        Json location = r.get("reported_location", Json.class);
        return new NodeView(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("name", String.class),
                r.get("description", String.class), r.get("hostname", String.class), r.get("os", String.class),
                r.get("arch", String.class), r.get("status", String.class), r.get("team_id", UUID.class),
                r.get("team_name", String.class), Rows.bool(r, "maintenance_mode"), r.get("maintenance_reason", String.class),
                Rows.instant(r, "maintenance_started_at"), r.get("maintenance_by_user_id", UUID.class),
                r.get("reported_agent_version", String.class), r.get("reported_platform_version", String.class),
                r.get("reported_kernel_version", String.class), Rows.instant(r, "last_version_reported_at"),
                Rows.instant(r, "last_seen_at"), location == null ? null : location.asString(),
                new RootAccess(r.get("root_access_profile", String.class), r.get("root_access_applied_profile", String.class),
                        r.get("root_access_sync_status", String.class), Rows.instant(r, "root_access_updated_at"),
                        r.get("root_access_updated_by_user_id", UUID.class), Rows.instant(r, "root_access_last_applied_at"),
                        r.get("root_access_last_error", String.class)),
                Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }
}
