package io.nodeplane.query.template;

import io.nodeplane.query.support.Rows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes {@code task_template_view} for the projection; every update is guarded by the template's event sequence. */
@Repository
public class TaskTemplateViewRepository {

    private final DatabaseClient db;

    public TaskTemplateViewRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID id, UUID workspaceId, String name, String description, String taskType,
                             String payloadTemplate, UUID byUserId, Instant at, long seq) {
        return db.sql("""
                INSERT INTO task_template_view (id, workspace_id, name, description, task_type, payload_template,
                    created_by_user_id, updated_by_user_id, created_at, updated_at, last_event_seq)
                VALUES (:id, :ws, :name, :description, :type, :payload, :by, :by, :at, :at, :seq)
                ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("ws", workspaceId).bind("name", name).bind("type", taskType)
                .bind("description", Parameter.fromOrEmpty(description, String.class))
                .bind("payload", Json.of(payloadTemplate)).bind("by", Parameter.fromOrEmpty(byUserId, UUID.class))
                .bind("at", at).bind("seq", seq).then();
    }

    public Mono<Void> update(UUID id, String name, String description, String taskType, String payloadTemplate,
                             UUID byUserId, Instant at, long seq) {
        return update(id, "name = :name, description = :description, task_type = :type, payload_template = :payload",
                byUserId, at, seq)
                .bind("name", name).bind("description", Parameter.fromOrEmpty(description, String.class))
                .bind("type", taskType).bind("payload", Json.of(payloadTemplate)).then();
    }

    public Mono<Void> archive(UUID id, UUID byUserId, Instant at, long seq) {
        return update(id, "archived_at = :at", byUserId, at, seq).then();
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM task_template_view WHERE id = :id").bind("id", id).then();
    }

    public Mono<Void> deleteWorkspace(UUID workspaceId) {
        return db.sql("DELETE FROM task_template_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM task_template_view").then();
    }

    private GenericExecuteSpec update(UUID id, String set, UUID byUserId, Instant at, long seq) {
        return db.sql("UPDATE task_template_view SET " + set + ", updated_by_user_id = :by, updated_at = :at, "
                        + "last_event_seq = :seq WHERE id = :id AND last_event_seq < :seq")
                .bind("id", id).bind("by", Parameter.fromOrEmpty(byUserId, UUID.class)).bind("at", at).bind("seq", seq);
    }

    Flux<TaskTemplateView> query(String sql, UnaryOperator<GenericExecuteSpec> binds) {
        return binds.apply(db.sql(sql)).map((row, meta) -> map(row)).all();
    }

    static TaskTemplateView map(Readable r) {
        Json payload = r.get("payload_template", Json.class);
        return new TaskTemplateView(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("name", String.class),
                r.get("description", String.class), r.get("task_type", String.class),
                payload == null ? "{}" : payload.asString(), r.get("created_by_user_id", UUID.class),
                r.get("updated_by_user_id", UUID.class), Rows.instant(r, "archived_at"), Rows.instant(r, "created_at"),
                Rows.instant(r, "updated_at"), r.get("last_event_seq", Long.class));
    }
}
