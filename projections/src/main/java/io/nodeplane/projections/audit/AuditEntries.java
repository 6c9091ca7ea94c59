package io.nodeplane.projections.audit;

import static io.nodeplane.events.audit.AuditMetadata.ACTOR_EMAIL;
import static io.nodeplane.events.audit.AuditMetadata.ACTOR_TYPE;
import static io.nodeplane.events.audit.AuditMetadata.ACTOR_TYPE_SYSTEM;
import static io.nodeplane.events.audit.AuditMetadata.ACTOR_USER_ID;
import static io.nodeplane.events.audit.AuditMetadata.CORRELATION_ID;
import static io.nodeplane.events.audit.AuditMetadata.IP_ADDRESS;
import static io.nodeplane.events.audit.AuditMetadata.USER_AGENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.events.auth.LoginFailedEvent;
import io.nodeplane.events.auth.LoginSucceededEvent;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.query.audit.AuditEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/** Turns a stored event and its metadata into an audit entry (contract §2.4), or nothing. */
final class AuditEntries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditEntries() {
    }

    /** What an event means for an auditor, independent of who did it. */
    record Subject(String scope, UUID workspaceId, String action, String targetType, String targetId,
                   String targetLabel, Map<String, Object> changes, Map<String, Object> metadata) {
    }

    static Optional<AuditEntry> of(Object payload, UUID eventId, long globalIndex, Instant at, MetaData meta) {
        return subject(payload).map(s -> new AuditEntry(eventId, globalIndex, s.scope(), s.workspaceId(),
                text(meta, ACTOR_TYPE) == null ? ACTOR_TYPE_SYSTEM : text(meta, ACTOR_TYPE),
                uuid(text(meta, ACTOR_USER_ID)), text(meta, ACTOR_EMAIL), s.action(), s.targetType(), s.targetId(),
                s.targetLabel(), text(meta, IP_ADDRESS), text(meta, USER_AGENT), json(s.changes()),
                json(withCorrelation(s.metadata(), text(meta, CORRELATION_ID))), at));
    }

    static Optional<Subject> subject(Object payload) {
        if (payload instanceof UserCreatedEvent e) {
            return platform("user.created", "user", e.userId(), e.email(), after(Map.of("email", e.email(),
                    "name", e.name() == null ? "" : e.name(), "role", lower(e.role()), "isActive", e.active())), Map.of());
        }
        if (payload instanceof UserSessionsRevokedEvent e) {
            return platform("user.sessions.revoked", "user", e.userId(), null, null,
                    Map.of("reason", e.reason(), "sessionVersion", e.sessionVersion()));
        }
        if (payload instanceof LoginSucceededEvent e) {
            return platform("auth.login.success", "user", e.userId(), e.email(), null, Map.of());
        }
        if (payload instanceof LoginFailedEvent e) {
            return platform("auth.login.failed", "user", e.userId(), e.email(), null, Map.of("reason", lower(e.reason())));
        }
        if (payload instanceof WorkspaceCreatedEvent e) {
            return Optional.of(new Subject("workspace", e.workspaceId(), "workspace.created", "workspace",
                    e.workspaceId().toString(), e.name(), after(Map.of("name", e.name(), "slug", e.slug(),
                    "defaultTimezone", e.defaultTimezone(), "isDefault", e.isDefault())), Map.of()));
        }
        if (payload instanceof WorkspaceMemberAddedEvent e) {
            return Optional.of(new Subject("workspace", e.workspaceId(), "workspace.member.added",
                    "workspace_membership", e.membershipId().toString(), null,
                    after(Map.of("userId", e.userId().toString(), "role", lower(e.role()))), Map.of()));
        }
        return Optional.empty();
    }

    private static Optional<Subject> platform(String action, String targetType, UUID targetId, String label,
                                              Map<String, Object> changes, Map<String, Object> metadata) {
        return Optional.of(new Subject("platform", null, action, targetType,
                targetId == null ? null : targetId.toString(), label, changes, metadata));
    }

    private static Map<String, Object> after(Map<String, Object> state) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("before", null);
        changes.put("after", state);
        return changes;
    }

    private static Map<String, Object> withCorrelation(Map<String, Object> metadata, String correlationId) {
        Map<String, Object> all = new LinkedHashMap<>(metadata);
        if (correlationId != null) {
            all.put("correlationId", correlationId);
        }
        return all;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String json(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry is not serialisable", e);
        }
    }
}
