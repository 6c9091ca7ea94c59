package io.nodeplane.query.schedule;

import io.nodeplane.query.support.Rows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes {@code scheduled_task_view}; writes are guarded by the schedule's event sequence. */
@Repository
public class ScheduleViewRepository {

    private static final String SELECT = """
            SELECT s.*, u.name AS owner_name, n.name AS node_name, t.name AS team_name FROM scheduled_task_view s
            LEFT JOIN user_view u ON u.id = s.owner_user_id LEFT JOIN node_view n ON n.id = s.node_id
            LEFT JOIN team_view t ON t.id = s.target_team_id""";

    private final DatabaseClient db;

    public ScheduleViewRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Row values of a schedule's definition. */
    public record Definition(String name, String command, boolean runAsRoot, String cadence, int minute, Integer hour,
                             Integer dayOfWeek, Integer intervalMinutes) {
    }

    public Mono<Void> insert(UUID id, UUID workspaceId, UUID nodeId, UUID teamId, UUID ownerUserId, Definition d,
                             String timezone, Instant nextRunAt, Instant at, long seq) {
        return define(db.sql("""
                INSERT INTO scheduled_task_view (id, workspace_id, node_id, target_team_id, owner_user_id, name, command,
                    run_as_root, cadence, minute, hour, day_of_week, interval_minutes, timezone, enabled, next_run_at,
                    created_at, updated_at, last_event_seq)
                VALUES (:id, :ws, :node, :team, :owner, :name, :command, :root, :cadence, :minute, :hour, :dow,
                    :interval, :tz, :enabled, :next, :at, :at, :seq)
                ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("ws", workspaceId).bind("node", Parameter.fromOrEmpty(nodeId, UUID.class))
                .bind("team", Parameter.fromOrEmpty(teamId, UUID.class))
                .bind("owner", Parameter.fromOrEmpty(ownerUserId, UUID.class)).bind("tz", timezone)
                .bind("enabled", nextRunAt != null).bind("next", Parameter.fromOrEmpty(nextRunAt, Instant.class))
                .bind("at", at).bind("seq", seq), d).then();
    }

    public Mono<Void> define(UUID id, Definition d, Instant nextRunAt, Instant at, long seq) {
        return define(update(id, """
                name = :name, command = :command, run_as_root = :root, cadence = :cadence, minute = :minute,
                hour = :hour, day_of_week = :dow, interval_minutes = :interval, next_run_at = :next""", at, seq), d)
                .bind("next", Parameter.fromOrEmpty(nextRunAt, Instant.class)).then();
    }

    public Mono<Void> enabled(UUID id, Instant nextRunAt, Instant at, long seq) {
        return update(id, "enabled = :enabled, next_run_at = :next", at, seq).bind("enabled", nextRunAt != null)
                .bind("next", Parameter.fromOrEmpty(nextRunAt, Instant.class)).then();
    }

    /** A slot ran: its first task (if any), its error (if any), and the next slot. */
    public Mono<Void> ran(UUID id, Instant slot, UUID taskId, String error, Instant nextRunAt, Instant at, long seq) {
        return update(id, "last_run_at = :slot, last_run_task_id = :task, last_error = :error, next_run_at = :next",
                at, seq).bind("slot", slot).bind("task", Parameter.fromOrEmpty(taskId, UUID.class))
                .bind("error", Parameter.fromOrEmpty(error, String.class))
                .bind("next", Parameter.fromOrEmpty(nextRunAt, Instant.class)).then();
    }

    public Mono<Void> timezone(UUID id, String timezone, Instant nextRunAt, Instant at, long seq) {
        return update(id, "timezone = :tz, next_run_at = :next", at, seq).bind("tz", timezone)
                .bind("next", Parameter.fromOrEmpty(nextRunAt, Instant.class)).then();
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM scheduled_task_view WHERE id = :id").bind("id", id).then();
    }

    public Mono<Void> deleteWorkspace(UUID workspaceId) {
        return db.sql("DELETE FROM scheduled_task_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM scheduled_task_view").then();
    }

    Flux<ScheduleView> find(UUID workspaceId, UUID id, int limit, int offset) {
        String sql = SELECT + " WHERE true" + (workspaceId == null ? "" : " AND s.workspace_id = :ws")
                + (id == null ? "" : " AND s.id = :id") + " ORDER BY s.created_at DESC, s.id LIMIT :limit OFFSET :offset";
        GenericExecuteSpec spec = db.sql(sql).bind("limit", limit).bind("offset", offset);
        spec = workspaceId == null ? spec : spec.bind("ws", workspaceId);
        spec = id == null ? spec : spec.bind("id", id);
        return spec.map((r, m) -> map(r)).all();
    }

    Flux<ScheduleView> search(UUID workspaceId, String contains, int limit) {
        return db.sql(SELECT + " " + """
                 WHERE s.workspace_id = :ws AND (lower(s.name) LIKE :q OR lower(s.command) LIKE :q)
                 ORDER BY lower(s.name), s.id LIMIT :limit""")
                .bind("ws", workspaceId).bind("q", contains).bind("limit", limit).map((r, m) -> map(r)).all();
    }

    Flux<DueSchedule> due(Instant now, int limit) {
        return db.sql("SELECT id, next_run_at, workspace_id, target_team_id FROM scheduled_task_view "
                        + "WHERE enabled AND next_run_at <= :now ORDER BY next_run_at LIMIT :limit")
                .bind("now", now).bind("limit", limit)
                .map((r, m) -> new DueSchedule(r.get("id", UUID.class), Rows.instant(r, "next_run_at"),
                        r.get("workspace_id", UUID.class), r.get("target_team_id", UUID.class))).all();
    }

    private GenericExecuteSpec update(UUID id, String set, Instant at, long seq) {
        return db.sql("UPDATE scheduled_task_view SET " + set + ", updated_at = :at, last_event_seq = :seq "
                + "WHERE id = :id AND last_event_seq < :seq").bind("id", id).bind("at", at).bind("seq", seq);
    }

    private static GenericExecuteSpec define(GenericExecuteSpec spec, Definition d) {
        return spec.bind("name", d.name()).bind("command", d.command()).bind("root", d.runAsRoot())
                .bind("cadence", d.cadence()).bind("minute", d.minute())
                .bind("hour", Parameter.fromOrEmpty(d.hour(), Integer.class))
                .bind("dow", Parameter.fromOrEmpty(d.dayOfWeek(), Integer.class))
                .bind("interval", Parameter.fromOrEmpty(d.intervalMinutes(), Integer.class));
    }

    private static ScheduleView map(Readable r) {
        return new ScheduleView(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("node_id", UUID.class),
                r.get("node_name", String.class), r.get("target_team_id", UUID.class), r.get("team_name", String.class),
                r.get("template_id", UUID.class), r.get("template_name", String.class), r.get("owner_user_id", UUID.class),
                r.get("owner_name", String.class), r.get("name", String.class), r.get("command", String.class),
                Rows.bool(r, "run_as_root"), r.get("cadence", String.class), r.get("minute", Integer.class),
                r.get("hour", Integer.class), r.get("day_of_week", Integer.class), r.get("interval_minutes", Integer.class),
                r.get("timezone", String.class), Rows.bool(r, "enabled"), Rows.instant(r, "next_run_at"),
                Rows.instant(r, "last_run_at"), r.get("last_run_task_id", UUID.class), r.get("last_error", String.class),
                Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }
}
