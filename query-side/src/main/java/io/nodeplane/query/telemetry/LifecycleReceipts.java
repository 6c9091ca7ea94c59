package io.nodeplane.query.telemetry;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code agent_task_lifecycle_event}: which legacy socket lifecycle messages were already applied. */
@Repository
public class LifecycleReceipts {

    private final DatabaseClient db;

    public LifecycleReceipts(DatabaseClient db) {
        this.db = db;
    }

    /** Records the message; {@code true} the first time, {@code false} for a duplicate. */
    public Mono<Boolean> first(UUID taskId, String eventType, Instant timestamp) {
        return db.sql("""
                INSERT INTO agent_task_lifecycle_event (task_id, event_type, event_timestamp) VALUES (:task, :type, :at)
                ON CONFLICT DO NOTHING""")
                .bind("task", taskId).bind("type", eventType).bind("at", timestamp)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Forgets a message whose application failed, so the agent's retry is applied rather than acked as a duplicate. */
    public Mono<Void> forget(UUID taskId, String eventType, Instant timestamp) {
        return db.sql("DELETE FROM agent_task_lifecycle_event WHERE task_id = :task AND event_type = :type AND event_timestamp = :at")
                .bind("task", taskId).bind("type", eventType).bind("at", timestamp).then();
    }
}
