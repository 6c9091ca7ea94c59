package io.nodeplane.query.enrollment;

import io.nodeplane.query.support.Rows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code enrollment_view} and {@code node_install_view}; writes are guarded by the aggregate's sequence. */
@Repository
public class EnrollmentViewRepository {

    private final DatabaseClient db;

    public EnrollmentViewRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insertEnrollment(UUID id, String email, String hostname, String agentJson, Instant expiresAt,
                                       Instant at, long seq) {
        return db.sql("""
                INSERT INTO enrollment_view (id, email, hostname, agent, status, expires_at, created_at, updated_at,
                    last_event_seq)
                VALUES (:id, :email, :hostname, :agent, 'pending', :expires, :at, :at, :seq) ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("email", email).bind("hostname", hostname)
                .bind("agent", Parameter.fromOrEmpty(agentJson == null ? null : Json.of(agentJson), Json.class))
                .bind("expires", expiresAt).bind("at", at).bind("seq", seq).then();
    }

    public Mono<Void> revokeEnrollment(UUID id, Instant at, long seq) {
        return db.sql("""
                UPDATE enrollment_view SET status = 'revoked', updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("at", at).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> approveEnrollment(UUID id, UUID workspaceId, UUID nodeId, String nodeName, Instant at, long seq) {
        return db.sql("""
                UPDATE enrollment_view SET status = 'approved', workspace_id = :ws, node_id = :node, node_name = :name,
                    expires_at = :at, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("ws", workspaceId).bind("node", nodeId).bind("name", nodeName).bind("at", at).bind("seq", seq)
                .bind("id", id).then();
    }

    public Mono<Void> insertInstall(UUID id, UUID workspaceId, UUID teamId, String nodeName, String description,
                                    Instant expiresAt, Instant at, long seq) {
        return db.sql("""
                INSERT INTO node_install_view (id, workspace_id, team_id, node_name, description, status, stage,
                    progress_percent, status_message, expires_at, created_at, updated_at, last_event_seq)
                VALUES (:id, :ws, :team, :name, :description, 'pending', 'command_generated', 5,
                    'Install command generated', :expires, :at, :at, :seq) ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("ws", workspaceId).bind("team", Parameter.fromOrEmpty(teamId, UUID.class))
                .bind("name", nodeName).bind("description", Parameter.fromOrEmpty(description, String.class))
                .bind("expires", expiresAt).bind("at", at).bind("seq", seq).then();
    }

    public Mono<Void> installProgress(UUID id, String stage, String status, int percent, String message, Instant at,
                                      long seq) {
        return db.sql("""
                UPDATE node_install_view SET stage = :stage, status = :status,
                    progress_percent = GREATEST(progress_percent, :percent), status_message = :message,
                    started_at = COALESCE(started_at, :at), updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("stage", stage).bind("status", status).bind("percent", percent)
                .bind("message", Parameter.fromOrEmpty(message, String.class)).bind("at", at).bind("seq", seq)
                .bind("id", id).then();
    }

    public Mono<Void> installConsumed(UUID id, UUID nodeId, String hostname, Instant at, long seq) {
        return db.sql("""
                UPDATE node_install_view SET node_id = :node, hostname = :hostname, consumed_at = :at, updated_at = :at,
                    last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("node", nodeId).bind("hostname", hostname).bind("at", at).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM enrollment_view").then().then(db.sql("DELETE FROM node_install_view").then());
    }

    Mono<EnrollmentView> findEnrollment(UUID id) {
        return db.sql("SELECT * FROM enrollment_view WHERE id = :id").bind("id", id)
                .map(r -> new EnrollmentView(r.get("id", UUID.class), r.get("email", String.class),
                        r.get("hostname", String.class), r.get("status", String.class), r.get("workspace_id", UUID.class),
                        r.get("node_id", UUID.class), Rows.instant(r, "expires_at"), Rows.instant(r, "created_at")))
                .one();
    }

    Mono<NodeInstallView> findInstall(UUID workspaceId, UUID id) {
        return db.sql("SELECT * FROM node_install_view WHERE id = :id AND workspace_id = :ws")
                .bind("id", id).bind("ws", workspaceId).map(EnrollmentViewRepository::mapInstall).one();
    }

    Mono<NodeInstallView> findInstall(UUID id) {
        return db.sql("SELECT * FROM node_install_view WHERE id = :id").bind("id", id)
                .map(EnrollmentViewRepository::mapInstall).one();
    }

    static NodeInstallView mapInstall(Readable r) {
        return new NodeInstallView(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("team_id", UUID.class),
                r.get("node_name", String.class), r.get("description", String.class), r.get("hostname", String.class),
                r.get("node_id", UUID.class), r.get("status", String.class), r.get("stage", String.class),
                r.get("progress_percent", Integer.class), r.get("status_message", String.class),
                Rows.instant(r, "started_at"), Rows.instant(r, "consumed_at"), Rows.instant(r, "expires_at"),
                Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }
}
