package io.nodeplane.query.team;

import io.nodeplane.query.support.Rows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes {@code team_view} and {@code team_membership_view}; every write is idempotent. */
@Repository
public class TeamViewRepository {

    private static final String TEAM_SELECT = """
            SELECT t.*, (SELECT count(*) FROM team_membership_view m WHERE m.team_id = t.id) AS member_count
            FROM team_view t""";

    private final DatabaseClient db;

    public TeamViewRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID id, UUID workspaceId, String name, String description, Instant at, long seq) {
        return db.sql("""
                INSERT INTO team_view (id, workspace_id, name, description, created_at, updated_at, last_event_seq)
                VALUES (:id, :ws, :name, :description, :at, :at, :seq) ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("ws", workspaceId).bind("name", name)
                .bind("description", Parameter.fromOrEmpty(description, String.class)).bind("at", at).bind("seq", seq)
                .then();
    }

    public Mono<Void> update(UUID id, String name, String description, Instant at, long seq) {
        return db.sql("""
                UPDATE team_view SET name = :name, description = :description, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("name", name).bind("description", Parameter.fromOrEmpty(description, String.class))
                .bind("at", at).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM team_view WHERE id = :id").bind("id", id).then();
    }

    public Mono<Void> deleteWorkspace(UUID workspaceId) {
        return db.sql("DELETE FROM team_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM team_view").then();
    }

    public Mono<Void> addMember(UUID teamId, UUID userId, UUID workspaceId, Instant at) {
        return db.sql("""
                INSERT INTO team_membership_view (team_id, user_id, workspace_id, created_at)
                VALUES (:team, :user, :ws, :at) ON CONFLICT DO NOTHING""")
                .bind("team", teamId).bind("user", userId).bind("ws", workspaceId).bind("at", at).then();
    }

    public Mono<Void> removeMember(UUID teamId, UUID userId) {
        return db.sql("DELETE FROM team_membership_view WHERE team_id = :team AND user_id = :user")
                .bind("team", teamId).bind("user", userId).then();
    }

    public Mono<Void> removeTeamMembers(UUID teamId) {
        return db.sql("DELETE FROM team_membership_view WHERE team_id = :team").bind("team", teamId).then();
    }

    public Mono<Void> removeWorkspaceMembers(UUID workspaceId) {
        return db.sql("DELETE FROM team_membership_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    public Mono<Void> deleteAllMembers() {
        return db.sql("DELETE FROM team_membership_view").then();
    }

    Flux<TeamView> findByWorkspace(UUID workspaceId) {
        return db.sql(TEAM_SELECT + " WHERE t.workspace_id = :ws ORDER BY lower(t.name), t.id")
                .bind("ws", workspaceId).map(TeamViewRepository::map).all();
    }

    Mono<TeamView> findById(UUID workspaceId, UUID id) {
        return db.sql(TEAM_SELECT + " WHERE t.workspace_id = :ws AND t.id = :id")
                .bind("ws", workspaceId).bind("id", id).map(TeamViewRepository::map).one();
    }

    Flux<TeamMember> findMembers(UUID teamId) {
        return db.sql("""
                SELECT m.team_id, m.user_id, m.created_at, u.name AS user_name, u.email AS user_email
                FROM team_membership_view m JOIN user_view u ON u.id = m.user_id
                WHERE m.team_id = :team ORDER BY u.email_normalized""")
                .bind("team", teamId)
                .map(r -> new TeamMember(r.get("team_id", UUID.class), r.get("user_id", UUID.class),
                        r.get("user_name", String.class), r.get("user_email", String.class), Rows.instant(r, "created_at")))
                .all();
    }

    Flux<UUID> findWorkspacesWithOrphans() {
        return db.sql("""
                SELECT DISTINCT t.workspace_id FROM team_membership_view t
                WHERE NOT EXISTS (SELECT 1 FROM workspace_membership_view m
                                  WHERE m.workspace_id = t.workspace_id AND m.user_id = t.user_id)""")
                .map(r -> r.get("workspace_id", UUID.class)).all();
    }

    /** Maps a {@code team_view} row that carries a {@code member_count} column. */
    public static TeamView map(Readable r) {
        return new TeamView(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("name", String.class),
                r.get("description", String.class), r.get("member_count", Long.class), Rows.instant(r, "created_at"),
                Rows.instant(r, "updated_at"));
    }
}
