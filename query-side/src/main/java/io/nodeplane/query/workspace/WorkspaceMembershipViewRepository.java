package io.nodeplane.query.workspace;

import io.nodeplane.query.support.Rows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes {@code workspace_membership_view}; writes are idempotent. */
@Repository
public class WorkspaceMembershipViewRepository {

    private static final String MEMBER_SELECT = """
            SELECT m.*, u.name AS user_name, u.email AS user_email, u.is_active AS user_is_active
            FROM workspace_membership_view m JOIN user_view u ON u.id = m.user_id""";

    private final DatabaseClient db;

    public WorkspaceMembershipViewRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID id, UUID workspaceId, UUID userId, String role, Instant at, long seq) {
        return db.sql("""
                INSERT INTO workspace_membership_view (id, workspace_id, user_id, role, created_at, updated_at, last_event_seq)
                VALUES (:id, :ws, :user, :role, :at, :at, :seq) ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("ws", workspaceId).bind("user", userId).bind("role", role).bind("at", at)
                .bind("seq", seq).then();
    }

    public Mono<Void> updateRole(UUID id, String role, Instant at, long seq) {
        return db.sql("""
                UPDATE workspace_membership_view SET role = :role, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("role", role).bind("at", at).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM workspace_membership_view WHERE id = :id").bind("id", id).then();
    }

    public Mono<Void> deleteWorkspace(UUID workspaceId) {
        return db.sql("DELETE FROM workspace_membership_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM workspace_membership_view").then();
    }

    Flux<WorkspaceMember> findByWorkspace(UUID workspaceId) {
        return db.sql(MEMBER_SELECT + " WHERE m.workspace_id = :ws ORDER BY m.created_at, m.id")
                .bind("ws", workspaceId).map(WorkspaceMembershipViewRepository::map).all();
    }

    Mono<WorkspaceMember> findById(UUID workspaceId, UUID id) {
        return db.sql(MEMBER_SELECT + " WHERE m.workspace_id = :ws AND m.id = :id")
                .bind("ws", workspaceId).bind("id", id).map(WorkspaceMembershipViewRepository::map).one();
    }

    Mono<String> findRole(UUID workspaceId, UUID userId) {
        return db.sql("SELECT role FROM workspace_membership_view WHERE workspace_id = :ws AND user_id = :user")
                .bind("ws", workspaceId).bind("user", userId).map(r -> r.get("role", String.class)).one();
    }

    /** Maps a membership row joined with {@code user_name, user_email, user_is_active}. */
    public static WorkspaceMember map(Readable r) {
        return new WorkspaceMember(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("user_id", UUID.class),
                r.get("role", String.class), r.get("user_name", String.class), r.get("user_email", String.class),
                Rows.bool(r, "user_is_active"), Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }
}
