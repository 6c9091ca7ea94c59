package io.nodeplane.query.event;

import io.nodeplane.query.support.Rows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code event_view}. Projected rows are keyed by their source event, so replays insert nothing twice. */
@Repository
public class OperationalEventRepository {

    private final DatabaseClient db;

    public OperationalEventRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a row; {@code sourceEventId} is the stored event it came from, or {@code null} for telemetry. */
    public Mono<Void> insert(OperationalEvent e, UUID sourceEventId) {
        return db.sql("""
                INSERT INTO event_view (id, workspace_id, node_id, type, severity, message, metadata, source_event_id,
                    created_at)
                VALUES (:id, :ws, :node, :type, :severity, :message, :metadata, :source, :at)
                ON CONFLICT DO NOTHING""")
                .bind("id", e.id()).bind("ws", e.workspaceId()).bind("node", Parameter.fromOrEmpty(e.nodeId(), UUID.class))
                .bind("type", e.type()).bind("severity", e.severity()).bind("message", e.message())
                .bind("metadata", Json.of(e.metadata() == null ? "{}" : e.metadata()))
                .bind("source", Parameter.fromOrEmpty(sourceEventId, UUID.class)).bind("at", e.createdAt())
                .then();
    }

    /** Reset: drops what the projection wrote; telemetry-born rows stay. */
    public Mono<Void> deleteProjected() {
        return db.sql("DELETE FROM event_view WHERE source_event_id IS NOT NULL").then();
    }

    public Mono<Void> deleteWorkspace(UUID workspaceId) {
        return db.sql("DELETE FROM event_view WHERE workspace_id = :ws").bind("ws", workspaceId).then();
    }

    Flux<OperationalEvent> find(UUID workspaceId, UUID nodeId, String severity, String type, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM event_view WHERE workspace_id = :ws");
        if (nodeId != null) {
            sql.append(" AND node_id = :node");
        }
        if (severity != null) {
            sql.append(" AND severity = :severity");
        }
        if (type != null) {
            sql.append(" AND type = :type");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("ws", workspaceId).bind("limit", limit);
        if (nodeId != null) {
            spec = spec.bind("node", nodeId);
        }
        if (severity != null) {
            spec = spec.bind("severity", severity);
        }
        if (type != null) {
            spec = spec.bind("type", type);
        }
        return spec.map(OperationalEventRepository::map).all();
    }

    /** Events whose lower-cased message matches the LIKE {@code pattern}, newest first. */
    Flux<OperationalEvent> search(UUID workspaceId, String pattern, int limit) {
        return db.sql("""
                SELECT * FROM event_view WHERE workspace_id = :ws AND lower(message) LIKE :pattern
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("ws", workspaceId).bind("pattern", pattern).bind("limit", limit)
                .map(OperationalEventRepository::map).all();
    }

    public static OperationalEvent map(Readable r) {
        Json metadata = r.get("metadata", Json.class);
        return new OperationalEvent(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("node_id", UUID.class),
                r.get("type", String.class), r.get("severity", String.class), r.get("message", String.class),
                metadata == null ? "{}" : metadata.asString(), Rows.instant(r, "created_at"));
    }
}
