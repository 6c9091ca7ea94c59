package io.nodeplane.query.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of an audit-log query. {@code limit} is clamped to 1..100 (default 50), {@code offset} to ≥ 0.
 *
 * @param actor  an actor user id, or part of the actor's e-mail (case-insensitive)
 * @param action part of the action name (case-insensitive)
 */
public record AuditLogFilter(
        Integer limit, Integer offset, String actor, String action, String targetType, Instant from, Instant to,
        UUID workspaceId) {

    public int effectiveLimit() {
        return limit == null ? 50 : Math.max(1, Math.min(100, limit));
    }

    public int effectiveOffset() {
        return offset == null ? 0 : Math.max(0, offset);
    }
}
