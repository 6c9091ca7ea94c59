package io.nodeplane.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.events.auth.LoginFailedEvent;
import io.nodeplane.events.auth.LoginThrottledEvent;
import io.nodeplane.events.auth.LoginFailureReason;
import io.nodeplane.events.auth.MfaFailureReason;
import io.nodeplane.events.auth.MfaVerificationFailedEvent;
import io.nodeplane.events.platform.ProjectionRebuildStartedEvent;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserMfaDisabledEvent;
import io.nodeplane.events.user.UserMfaEnabledEvent;
import io.nodeplane.events.user.UserMfaRecoveryCodesRegeneratedEvent;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.query.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class AuditEntriesTest {

    private final UUID eventId = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void mapsActorMetadataAndTargetOfAUserCreation() {
        UUID user = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        MetaData meta = MetaData.from(Map.of("actorType", "user", "actorUserId", actor.toString(),
                "actorEmail", "root@example.com", "ipAddress", "10.0.0.1", "userAgent", "curl", "correlationId", "c-1"));

        AuditEntry entry = AuditEntries.of(new UserCreatedEvent(user, "ada@example.com", "Ada", UserRole.USER, false, "UTC"),
                eventId, 42, at, meta).orElseThrow();

        assertThat(entry.id()).isEqualTo(eventId);
        assertThat(entry.globalIndex()).isEqualTo(42);
        assertThat(entry.scope()).isEqualTo("platform");
        assertThat(entry.action()).isEqualTo("user.created");
        assertThat(entry.targetType()).isEqualTo("user");
        assertThat(entry.targetId()).isEqualTo(user.toString());
        assertThat(entry.targetLabel()).isEqualTo("ada@example.com");
        assertThat(entry.actorType()).isEqualTo("user");
        assertThat(entry.actorUserId()).isEqualTo(actor);
        assertThat(entry.actorEmailSnapshot()).isEqualTo("root@example.com");
        assertThat(entry.ipAddress()).isEqualTo("10.0.0.1");
        assertThat(entry.userAgent()).isEqualTo("curl");
        assertThat(entry.changes()).contains("\"before\":null").contains("\"role\":\"user\"").contains("\"isActive\":false");
        assertThat(entry.metadata()).contains("\"correlationId\":\"c-1\"");
        assertThat(entry.createdAt()).isEqualTo(at);
    }

    @Test
    void anEventWithoutActorMetadataIsAttributedToTheSystem() {
        AuditEntry entry = AuditEntries.of(new LoginFailedEvent(null, "who@example.com", LoginFailureReason.UNKNOWN_EMAIL),
                eventId, 1, at, MetaData.emptyInstance()).orElseThrow();
        assertThat(entry.actorType()).isEqualTo("system");
        assertThat(entry.actorUserId()).isNull();
        assertThat(entry.action()).isEqualTo("auth.login.failed");
        assertThat(entry.targetId()).isNull();
        assertThat(entry.metadata()).isEqualTo("{\"reason\":\"unknown_email\"}");
    }

    @Test
    void mfaChangesAndRefusedVerificationsHaveReadableActions() {
        UUID user = UUID.randomUUID();
        assertThat(action(new UserMfaEnabledEvent(user, 10))).isEqualTo("user.mfa.enabled");
        assertThat(action(new UserMfaDisabledEvent(user, "password"))).isEqualTo("user.mfa.disabled");
        assertThat(action(new UserMfaRecoveryCodesRegeneratedEvent(user, 10))).isEqualTo("user.mfa.recovery-codes.regenerated");
        AuditEntry failed = AuditEntries.of(new MfaVerificationFailedEvent(user, "ada@example.com", MfaFailureReason.REPLAYED_CODE),
                eventId, 5, at, MetaData.emptyInstance()).orElseThrow();
        assertThat(failed.action()).isEqualTo("auth.mfa.failed");
        assertThat(failed.targetId()).isEqualTo(user.toString());
        assertThat(failed.metadata()).isEqualTo("{\"reason\":\"replayed_code\"}");
    }

    private String action(Object event) {
        return AuditEntries.of(event, eventId, 4, at, MetaData.emptyInstance()).orElseThrow().action();
    }

    @Test
    void aThrottledAttemptNamesItsRouteAndTheExhaustedCounter() {
        AuditEntry entry = AuditEntries.of(new LoginThrottledEvent("who@example.com", LoginThrottledEvent.Route.LOGIN,
                LoginThrottledEvent.LimitedBy.ACCOUNT, 840), eventId, 2, at, MetaData.emptyInstance()).orElseThrow();
        assertThat(entry.action()).isEqualTo("auth.login.throttled");
        assertThat(entry.scope()).isEqualTo("platform");
        assertThat(entry.targetLabel()).isEqualTo("who@example.com");
        assertThat(entry.metadata()).contains("\"limitedBy\":\"account\"").contains("\"retryAfterSeconds\":840");
        assertThat(AuditEntries.of(new LoginThrottledEvent(null, LoginThrottledEvent.Route.PASSWORD_RESET,
                LoginThrottledEvent.LimitedBy.IP, 60), eventId, 3, at, MetaData.emptyInstance()).orElseThrow().action())
                .isEqualTo("auth.password_reset.throttled");
    }

    @Test
    void workspaceEventsAreWorkspaceScoped() {
        UUID ws = UUID.randomUUID();
        AuditEntry entry = AuditEntries.of(new WorkspaceCreatedEvent(ws, "Ops", "ops", "UTC", false, null),
                eventId, 3, at, MetaData.emptyInstance()).orElseThrow();
        assertThat(entry.scope()).isEqualTo("workspace");
        assertThat(entry.workspaceId()).isEqualTo(ws);
        assertThat(entry.targetLabel()).isEqualTo("Ops");
    }

    @Test
    void aProjectionRebuildIsAPlatformEntryListingItsProcessors() {
        UUID rebuild = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        AuditEntry entry = AuditEntries.of(new ProjectionRebuildStartedEvent(rebuild, List.of("audit-log", "user-view")),
                eventId, 7, at, MetaData.from(Map.of("actorType", "user", "actorUserId", actor.toString()))).orElseThrow();
        assertThat(entry.scope()).isEqualTo("platform");
        assertThat(entry.action()).isEqualTo("projections.rebuild.started");
        assertThat(entry.targetType()).isEqualTo("projections");
        assertThat(entry.targetId()).isEqualTo(rebuild.toString());
        assertThat(entry.actorUserId()).isEqualTo(actor);
        assertThat(entry.metadata()).isEqualTo("{\"processors\":[\"audit-log\",\"user-view\"]}");
    }

    @Test
    void eventsWithoutAnAuditMeaningProduceNoEntry() {
        assertThat(AuditEntries.of("not an event", eventId, 1, at, MetaData.emptyInstance())).isEmpty();
    }
}
