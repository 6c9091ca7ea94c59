package io.nodeplane.query.task;

import io.nodeplane.query.support.Rows;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code task_log}: output lines written a batch per statement, and the task's last line kept on its row. */
@Repository
public class TaskLogStore {

    private final DatabaseClient db;
    private final TaskViewRepository tasks;

    TaskLogStore(DatabaseClient db, TaskViewRepository tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    public Mono<Void> insert(List<TaskLog> batch) {
        int n = batch.size();
        String[] ids = new String[n];
        String[] taskIds = new String[n];
        String[] levels = new String[n];
        String[] messages = new String[n];
        Long[] at = new Long[n];
        Long[] created = new Long[n];
        for (int i = 0; i < n; i++) {
            TaskLog l = batch.get(i);
            ids[i] = l.id().toString();
            taskIds[i] = l.taskId().toString();
            levels[i] = l.level();
            messages[i] = l.message();
            at[i] = l.timestamp().toEpochMilli();
            created[i] = l.createdAt().toEpochMilli();
        }
        return db.sql("""
                INSERT INTO task_log (id, task_id, level, message, timestamp, created_at)
                SELECT id::uuid, task::uuid, level, message, to_timestamp(at / 1000.0), to_timestamp(created / 1000.0)
                FROM unnest(:ids::text[], :tasks::text[], :levels::text[], :messages::text[], :at::int8[],
                            :created::int8[]) AS l(id, task, level, message, at, created)""")
                .bind("ids", ids).bind("tasks", taskIds).bind("levels", levels).bind("messages", messages)
                .bind("at", at).bind("created", created)
                .then()
                .then(tasks.lastLines(taskIds, messages));
    }

    /** Oldest first. */
    public Flux<TaskLog> find(UUID taskId, int limit, int offset) {
        return db.sql("SELECT * FROM task_log WHERE task_id = :task ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("task", taskId).bind("limit", limit).bind("offset", offset)
                .map((r, m) -> new TaskLog(r.get("id", UUID.class), r.get("task_id", UUID.class), r.get("level", String.class),
                        r.get("message", String.class), Rows.instant(r, "timestamp"), Rows.instant(r, "created_at")))
                .all();
    }
}
