package io.nodeplane.query.workspace;

import io.nodeplane.query.support.Rows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes {@code workspace_view}; writes are idempotent (guarded by {@code last_event_seq}). */
@Repository
public class WorkspaceViewRepository {

    private final DatabaseClient db;

    WorkspaceViewRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID id, String name, String slug, String timezone, boolean isDefault, UUID createdBy,
                             Instant at, long seq) {
        return db.sql("""
                INSERT INTO workspace_view (id, name, slug, default_timezone, created_by_user_id, is_default,
                                            created_at, updated_at, last_event_seq)
                VALUES (:id, :name, :slug, :tz, :by, :def, :at, :at, :seq)
                ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("name", name).bind("slug", slug).bind("tz", timezone)
                .bind("by", Parameter.fromOrEmpty(createdBy, UUID.class)).bind("def", isDefault)
                .bind("at", at).bind("seq", seq)
                .then();
    }

    public Mono<Void> updateSettings(UUID id, String name, String slug, String timezone, Instant at, long seq) {
        return update(id, "name = :name, slug = :slug, default_timezone = :tz", at, seq,
                spec -> spec.bind("name", name).bind("slug", slug).bind("tz", timezone));
    }

    public Mono<Void> updateDefault(UUID id, boolean isDefault, Instant at, long seq) {
        return update(id, "is_default = :flag", at, seq, spec -> spec.bind("flag", isDefault));
    }

    public Mono<Void> updateArchived(UUID id, boolean archived, Instant at, long seq) {
        return update(id, "is_archived = :flag", at, seq, spec -> spec.bind("flag", archived));
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM workspace_view WHERE id = :id").bind("id", id).then();
    }

    // every change is guarded: an event not newer than the row's last one changes nothing
    private Mono<Void> update(UUID id, String assignments, Instant at, long seq,
                              java.util.function.UnaryOperator<DatabaseClient.GenericExecuteSpec> values) {
        return values.apply(db.sql("UPDATE workspace_view SET " + assignments + ", updated_at = :at, last_event_seq = :seq "
                        + "WHERE id = :id AND last_event_seq < :seq"))
                .bind("at", at).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM workspace_view").then();
    }

    /** Workspaces with the given user's role in each ({@code null} role where not a member). */
    Flux<WorkspaceView> findAll(UUID viewer, boolean membersOnly) {
        return db.sql("SELECT w.*, m.role AS current_user_role FROM workspace_view w "
                        + (membersOnly ? "JOIN" : "LEFT JOIN")
                        + " workspace_membership_view m ON m.workspace_id = w.id AND m.user_id = :viewer "
                        + "ORDER BY w.is_default DESC, w.name, w.id")
                .bind("viewer", viewer).map(WorkspaceViewRepository::map).all();
    }

    Mono<WorkspaceView> findById(UUID id, UUID viewer) {
        return db.sql("SELECT w.*, m.role AS current_user_role FROM workspace_view w LEFT JOIN workspace_membership_view m "
                        + "ON m.workspace_id = w.id AND m.user_id = :viewer WHERE w.id = :id")
                .bind("id", id).bind("viewer", viewer).map(WorkspaceViewRepository::map).one();
    }

    private static WorkspaceView map(Readable r) {
        return new WorkspaceView(r.get("id", UUID.class), r.get("name", String.class), r.get("slug", String.class),
                r.get("default_timezone", String.class), r.get("created_by_user_id", UUID.class),
                Rows.bool(r, "is_archived"), Rows.bool(r, "is_default"), Rows.instant(r, "created_at"),
                Rows.instant(r, "updated_at"), r.get("current_user_role", String.class));
    }
}
