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

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM workspace_view").then();
    }

    Flux<WorkspaceView> findAll() {
        return db.sql("SELECT * FROM workspace_view ORDER BY created_at, id").map(WorkspaceViewRepository::map).all();
    }

    private static WorkspaceView map(Readable r) {
        return new WorkspaceView(r.get("id", UUID.class), r.get("name", String.class), r.get("slug", String.class),
                r.get("default_timezone", String.class), r.get("created_by_user_id", UUID.class),
                Rows.bool(r, "is_archived"), Rows.bool(r, "is_default"), Rows.instant(r, "created_at"),
                Rows.instant(r, "updated_at"));
    }
}
