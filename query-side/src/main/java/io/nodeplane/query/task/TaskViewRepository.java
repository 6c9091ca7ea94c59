package io.nodeplane.query.task;

import io.nodeplane.query.support.Rows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes {@code task_view} for the projection; every update is guarded by the task's event sequence. */
@Repository
public class TaskViewRepository {

    static final String SELECT = "SELECT t.*, tm.name AS target_team_name FROM task_view t "
            + "LEFT JOIN team_view tm ON tm.id = t.target_team_id";

    private final DatabaseClient db;

    public TaskViewRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Row values of a newly queued task. */
    public record NewTask(UUID id, UUID workspaceId, UUID nodeId, UUID targetTeamId, UUID templateId,
                          String templateName, UUID scheduleId, String type, boolean internal, String payload,
                          Integer timeoutSeconds, UUID createdByUserId) {
    }

    public Mono<Void> insert(NewTask t, Instant at, long seq) {
        GenericExecuteSpec spec = db.sql("""
                INSERT INTO task_view (id, workspace_id, node_id, target_team_id, template_id, template_name,
                    schedule_id, type, is_internal, payload, status, timeout_seconds, created_by_user_id, created_at,
                    updated_at, last_event_seq)
                VALUES (:id, :ws, :node, :team, :template, :templateName, :schedule, :type, :internal, :payload,
                    'queued', :timeout, :by, :at, :at, :seq)
                ON CONFLICT (id) DO NOTHING""")
                .bind("id", t.id()).bind("ws", t.workspaceId()).bind("node", t.nodeId()).bind("type", t.type())
                .bind("internal", t.internal()).bind("payload", Json.of(t.payload())).bind("at", at).bind("seq", seq)
                .bind("team", Parameter.fromOrEmpty(t.targetTeamId(), UUID.class))
                .bind("template", Parameter.fromOrEmpty(t.templateId(), UUID.class))
                .bind("templateName", Parameter.fromOrEmpty(t.templateName(), String.class))
                .bind("schedule", Parameter.fromOrEmpty(t.scheduleId(), UUID.class))
                .bind("timeout", Parameter.fromOrEmpty(t.timeoutSeconds(), Integer.class))
                .bind("by", Parameter.fromOrEmpty(t.createdByUserId(), UUID.class));
        return spec.then();
    }

    public Mono<Void> claimed(UUID id, UUID nodeId, UUID token, Instant leaseUntil, Instant at, long seq) {
        return update(id, "status = 'accepted', claimed_by = :node, claim_token = :token, lease_until = :lease", at, seq)
                .bind("node", nodeId).bind("token", token).bind("lease", leaseUntil).then();
    }

    public Mono<Void> started(UUID id, Instant startedAt, Instant at, long seq) {
        return update(id, "status = 'running', started_at = :started, running_since = :at, lease_until = NULL, "
                + "claim_token = NULL", at, seq)
                .bind("started", startedAt).then();
    }

    /**
     * A terminal status with its result; {@code finishedAt} defaults to the event time. Without a final
     * output, the last log line stays as the task's output.
     */
    public Mono<Void> finished(UUID id, String status, Instant finishedAt, String result, String output,
                               boolean outputTruncated, Instant at, long seq) {
        return update(id, """
                status = :status, finished_at = :finished, result = :result::jsonb,
                output = COALESCE(:output, output), output_truncated = :truncated,
                lease_until = NULL, claim_token = NULL""", at, seq)
                .bind("status", status).bind("finished", finishedAt == null ? at : finishedAt)
                .bind("result", Parameter.fromOrEmpty(result, String.class))
                .bind("output", Parameter.fromOrEmpty(output, String.class))
                .bind("truncated", outputTruncated).then();
    }

    public Mono<Void> cancelRequested(UUID id, String reason, Instant at, long seq) {
        return update(id, "cancel_requested_at = :at, cancel_reason = :reason", at, seq)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class)).then();
    }

    public Mono<Void> cancelled(UUID id, String reason, String result, Instant at, long seq) {
        return update(id, """
                status = 'cancelled', cancel_requested_at = :at, cancel_reason = :reason, result = :result::jsonb,
                finished_at = :at, lease_until = NULL, claim_token = NULL""", at, seq)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class)).bind("result", result).then();
    }

    public Mono<Void> requeued(UUID id, Instant at, long seq) {
        return update(id, "status = 'queued', lease_until = NULL, claim_token = NULL, claimed_by = NULL", at, seq).then();
    }

    private GenericExecuteSpec update(UUID id, String set, Instant at, long seq) {
        return db.sql("UPDATE task_view SET " + set + ", updated_at = :at, last_event_seq = :seq "
                + "WHERE id = :id AND last_event_seq < :seq").bind("id", id).bind("at", at).bind("seq", seq);
    }

    /** Telemetry: the last output line of running tasks (one statement per batch). */
    public Mono<Void> lastLines(String[] taskIds, String[] lines) {
        return db.sql("""
                UPDATE task_view t SET output = l.line
                FROM (SELECT DISTINCT ON (id) id, line FROM unnest(:ids::text[], :lines::text[]) WITH ORDINALITY
                      AS u(id, line, n) ORDER BY id, n DESC) l
                WHERE t.id = l.id::uuid AND t.status = 'running'""")
                .bind("ids", taskIds).bind("lines", lines).then();
    }

    public Mono<Void> deleteWorkspace(UUID workspaceId) {
        return db.sql("DELETE FROM task_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM task_view").then();
    }

    static TaskView map(Readable r) {
        Json payload = r.get("payload", Json.class);
        Json result = r.get("result", Json.class);
        return new TaskView(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("node_id", UUID.class),
                r.get("target_team_id", UUID.class), r.get("target_team_name", String.class),
                r.get("template_id", UUID.class), r.get("template_name", String.class), r.get("schedule_id", UUID.class),
                r.get("type", String.class), Rows.bool(r, "is_internal"), payload == null ? "{}" : payload.asString(),
                r.get("status", String.class), result == null ? null : result.asString(), r.get("output", String.class),
                Rows.bool(r, "output_truncated"), Rows.instant(r, "lease_until"), r.get("claimed_by", UUID.class),
                r.get("claim_token", UUID.class), Rows.instant(r, "started_at"), Rows.instant(r, "finished_at"),
                Rows.instant(r, "cancel_requested_at"), r.get("cancel_reason", String.class),
                r.get("timeout_seconds", Integer.class), r.get("created_by_user_id", UUID.class),
                Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }

    Flux<TaskView> query(String sql, java.util.function.UnaryOperator<GenericExecuteSpec> binds) {
        return binds.apply(db.sql(sql)).map((row, meta) -> map(row)).all();
    }
}
