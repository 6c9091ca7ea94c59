package io.nodeplane.query.audit;

import io.nodeplane.query.support.Like;
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

/** Writes and queries {@code audit_log_view}. Inserting the same event twice keeps one row. */
@Repository
public class AuditLogRepository {

    private final DatabaseClient db;

    AuditLogRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Idempotent by event id. The global index is read from the event store: a processor's tracking
     * token reports its high-water mark, which for an event that committed late (filling a gap) is a
     * later event's index.
     */
    public Mono<Void> insert(AuditEntry e) {
        return db.sql("""
                INSERT INTO audit_log_view (id, global_index, scope, workspace_id, actor_type, actor_user_id,
                    actor_email_snapshot, action, target_type, target_id, target_label, ip_address, user_agent,
                    changes, metadata, created_at)
                VALUES (:id, COALESCE((SELECT global_index FROM domain_event_entry WHERE event_identifier = :eventId), :gi),
                    :scope, :ws, :actorType, :actorId, :actorEmail, :action, :targetType, :targetId,
                    :targetLabel, :ip, :ua, :changes, :metadata, :createdAt)
                ON CONFLICT (id) DO NOTHING""")
                .bind("id", e.id()).bind("eventId", e.id().toString()).bind("gi", e.globalIndex()).bind("scope", e.scope())
                .bind("ws", Parameter.fromOrEmpty(e.workspaceId(), UUID.class))
                .bind("actorType", e.actorType())
                .bind("actorId", Parameter.fromOrEmpty(e.actorUserId(), UUID.class))
                .bind("actorEmail", text(e.actorEmailSnapshot())).bind("action", e.action())
                .bind("targetType", e.targetType()).bind("targetId", text(e.targetId()))
                .bind("targetLabel", text(e.targetLabel())).bind("ip", text(e.ipAddress()))
                .bind("ua", text(e.userAgent()))
                .bind("changes", Parameter.fromOrEmpty(e.changes() == null ? null : Json.of(e.changes()), Json.class))
                .bind("metadata", Json.of(e.metadata() == null ? "{}" : e.metadata()))
                .bind("createdAt", e.createdAt())
                .then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM audit_log_view").then();
    }

    Flux<AuditEntry> find(String scope, AuditLogFilter f) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log_view WHERE ");
        sql.append(f.workspaceId() != null ? "workspace_id = :ws" : "scope = :scope");
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" AND (actor_email_snapshot ILIKE :actorLike OR actor_user_id::text = :actor)");
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" AND action ILIKE :action");
        }
        if (f.targetType() != null && !f.targetType().isBlank()) {
            sql.append(" AND target_type = :targetType");
        }
        if (f.from() != null) {
            sql.append(" AND created_at >= :from");
        }
        if (f.to() != null) {
            sql.append(" AND created_at <= :to");
        }
        sql.append(" ORDER BY created_at DESC, global_index DESC LIMIT :limit OFFSET :offset");
        GenericExecuteSpec spec = db.sql(sql.toString());
        spec = f.workspaceId() != null ? spec.bind("ws", f.workspaceId()) : spec.bind("scope", scope);
        if (f.actor() != null && !f.actor().isBlank()) {
            spec = spec.bind("actorLike", "%" + Like.escape(f.actor().trim()) + "%").bind("actor", f.actor().trim());
        }
        if (f.action() != null && !f.action().isBlank()) {
            spec = spec.bind("action", "%" + Like.escape(f.action().trim()) + "%");
        }
        if (f.targetType() != null && !f.targetType().isBlank()) {
            spec = spec.bind("targetType", f.targetType().trim());
        }
        if (f.from() != null) {
            spec = spec.bind("from", f.from());
        }
        if (f.to() != null) {
            spec = spec.bind("to", f.to());
        }
        return spec.bind("limit", f.effectiveLimit()).bind("offset", f.effectiveOffset())
                .map(AuditLogRepository::map).all();
    }

    private static Parameter text(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static AuditEntry map(Readable r) {
        Json changes = r.get("changes", Json.class);
        Json metadata = r.get("metadata", Json.class);
        return new AuditEntry(r.get("id", UUID.class), r.get("global_index", Long.class), r.get("scope", String.class),
                r.get("workspace_id", UUID.class), r.get("actor_type", String.class),
                r.get("actor_user_id", UUID.class), r.get("actor_email_snapshot", String.class),
                r.get("action", String.class), r.get("target_type", String.class), r.get("target_id", String.class),
                r.get("target_label", String.class), r.get("ip_address", String.class),
                r.get("user_agent", String.class), changes == null ? null : changes.asString(),
                metadata == null ? "{}" : metadata.asString(), Rows.instant(r, "created_at"));
    }

}
