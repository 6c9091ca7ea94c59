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
import io.nodeplane.events.auth.MfaChallengeIssuedEvent;
import io.nodeplane.events.auth.MfaVerificationFailedEvent;
import io.nodeplane.events.auth.LoginThrottledEvent;
import io.nodeplane.events.platform.ProjectionRebuildStartedEvent;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserPreferencesUpdatedEvent;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import io.nodeplane.events.workspace.TeamCreatedEvent;
import io.nodeplane.events.workspace.TeamDeletedEvent;
import io.nodeplane.events.workspace.TeamMemberAddedEvent;
import io.nodeplane.events.workspace.TeamMemberRemovedEvent;
import io.nodeplane.events.workspace.TeamUpdatedEvent;
import io.nodeplane.events.workspace.WorkspaceArchivedEvent;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceDefaultChangedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRoleChangedEvent;
import io.nodeplane.events.workspace.WorkspaceRestoredEvent;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent;
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
        if (payload instanceof UserPreferencesUpdatedEvent e) {
            return platform("user.preferences.updated", "user", e.userId(), null,
                    changes(preferences(e.before()), preferences(e.after())), Map.of());
        }
        if (payload instanceof LoginSucceededEvent e) {
            return platform("auth.login.success", "user", e.userId(), e.email(), null, Map.of());
        }
        if (payload instanceof LoginFailedEvent e) {
            return platform("auth.login.failed", "user", e.userId(), e.email(), null, Map.of("reason", lower(e.reason())));
        }
        if (payload instanceof MfaChallengeIssuedEvent e) {
            return platform("auth.mfa.challenge.issued", "user", e.userId(), e.email(), null, Map.of());
        }
        if (payload instanceof MfaVerificationFailedEvent e) {
            return platform("auth.mfa.failed", "user", e.userId(), e.email(), null, Map.of("reason", lower(e.reason())));
        }
        if (payload instanceof LoginThrottledEvent e) {
            // "auth.login.throttled", "auth.password_forgot.throttled", ...: the route is part of the action
            return platform("auth." + lower(e.route()) + ".throttled", "user", null, e.email(), null,
                    Map.of("limitedBy", lower(e.limitedBy()), "retryAfterSeconds", e.retryAfterSeconds()));
        }
        if (payload instanceof ProjectionRebuildStartedEvent e) {
            return platform("projections.rebuild.started", "projections", e.rebuildId(), null, null,
                    Map.of("processors", e.processors()));
        }
        if (payload instanceof WorkspaceCreatedEvent e) {
            return workspace(e.workspaceId(), "workspace.created", "workspace", e.workspaceId(), e.name(),
                    after(Map.of("name", e.name(), "slug", e.slug(), "defaultTimezone", e.defaultTimezone(),
                            "isDefault", e.isDefault())));
        }
        if (payload instanceof WorkspaceUpdatedEvent e) {
            return workspace(e.workspaceId(), "workspace.updated", "workspace", e.workspaceId(), e.after().name(),
                    changes(settings(e.before()), settings(e.after())));
        }
        if (payload instanceof WorkspaceDefaultChangedEvent e) {
            return workspace(e.workspaceId(), "workspace.updated", "workspace", e.workspaceId(), null,
                    changes(Map.of("isDefault", !e.isDefault()), Map.of("isDefault", e.isDefault())));
        }
        if (payload instanceof WorkspaceArchivedEvent e) {
            return workspace(e.workspaceId(), "workspace.updated", "workspace", e.workspaceId(), null,
                    changes(Map.of("isArchived", false), Map.of("isArchived", true)));
        }
        if (payload instanceof WorkspaceRestoredEvent e) {
            return workspace(e.workspaceId(), "workspace.updated", "workspace", e.workspaceId(), null,
                    changes(Map.of("isArchived", true), Map.of("isArchived", false)));
        }
        if (payload instanceof WorkspaceDeletedEvent e) {
            return workspace(e.workspaceId(), "workspace.deleted", "workspace", e.workspaceId(), e.slug(), null);
        }
        if (payload instanceof WorkspaceMemberAddedEvent e) {
            return workspace(e.workspaceId(), "workspace.member.added", "workspace_membership", e.membershipId(), null,
                    after(member(e.userId(), e.role())));
        }
        if (payload instanceof WorkspaceMemberRoleChangedEvent e) {
            return workspace(e.workspaceId(), "workspace.member.updated", "workspace_membership", e.membershipId(), null,
                    changes(member(e.userId(), e.previousRole()), member(e.userId(), e.role())));
        }
        if (payload instanceof WorkspaceMemberRemovedEvent e) {
            return workspace(e.workspaceId(), "workspace.member.removed", "workspace_membership", e.membershipId(), null,
                    changes(member(e.userId(), e.role()), null));
        }
        if (payload instanceof TeamCreatedEvent e) {
            return workspace(e.workspaceId(), "team.created", "team", e.teamId(), e.name(),
                    after(team(e.name(), e.description())));
        }
        if (payload instanceof TeamUpdatedEvent e) {
            return workspace(e.workspaceId(), "team.updated", "team", e.teamId(), e.after().name(),
                    changes(team(e.before().name(), e.before().description()), team(e.after().name(), e.after().description())));
        }
        if (payload instanceof TeamDeletedEvent e) {
            return workspace(e.workspaceId(), "team.deleted", "team", e.teamId(), e.name(), null);
        }
        if (payload instanceof TeamMemberAddedEvent e) {
            return workspace(e.workspaceId(), "team.member.added", "team", e.teamId(), null,
                    after(Map.of("userId", e.userId().toString())));
        }
        if (payload instanceof TeamMemberRemovedEvent e) {
            return workspace(e.workspaceId(), "team.member.removed", "team", e.teamId(), null,
                    changes(Map.of("userId", e.userId().toString()), null));
        }
        return UserAuditEntries.subject(payload).or(() -> NodeAuditEntries.subject(payload))
                .or(() -> ScheduleAuditEntries.subject(payload));
    }

    private static Map<String, Object> preferences(UserPreferencesUpdatedEvent.Preferences p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("timezone", p.timezone());
        map.put("criticalEventEmailsEnabled", p.criticalEventEmailsEnabled());
        map.put("enrollmentEmailsEnabled", p.enrollmentEmailsEnabled());
        map.put("defaultWorkspaceId", p.defaultWorkspaceId() == null ? null : p.defaultWorkspaceId().toString());
        return map;
    }

    private static Map<String, Object> team(String name, String description) {
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("name", name);
        team.put("description", description);
        return team;
    }

    private static Optional<Subject> platform(String action, String targetType, UUID targetId, String label,
                                              Map<String, Object> changes, Map<String, Object> metadata) {
        return Optional.of(new Subject("platform", null, action, targetType,
                targetId == null ? null : targetId.toString(), label, changes, metadata));
    }

    private static Optional<Subject> workspace(UUID workspaceId, String action, String targetType, UUID targetId,
                                               String label, Map<String, Object> changes) {
        return Optional.of(new Subject("workspace", workspaceId, action, targetType, targetId.toString(), label,
                changes, Map.of()));
    }

    private static Map<String, Object> settings(WorkspaceUpdatedEvent.Settings s) {
        return Map.of("name", s.name(), "slug", s.slug(), "defaultTimezone", s.defaultTimezone());
    }

    private static Map<String, Object> member(UUID userId, Enum<?> role) {
        return Map.of("userId", userId.toString(), "role", lower(role));
    }

    static Map<String, Object> after(Map<String, Object> state) {
        return changes(null, state);
    }

    static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("before", before);
        changes.put("after", after);
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
