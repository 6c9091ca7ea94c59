package io.nodeplane.projections.audit;

import static io.nodeplane.projections.audit.AuditEntries.changes;

import io.nodeplane.events.user.UserDeletedEvent;
import io.nodeplane.events.user.UserInvitationAcceptedEvent;
import io.nodeplane.events.user.UserInvitationIssuedEvent;
import io.nodeplane.events.user.UserMfaDisabledEvent;
import io.nodeplane.events.user.UserMfaEnabledEvent;
import io.nodeplane.events.user.UserMfaRecoveryCodeUsedEvent;
import io.nodeplane.events.user.UserMfaRecoveryCodesRegeneratedEvent;
import io.nodeplane.events.user.UserMfaSetupStartedEvent;
import io.nodeplane.events.user.UserPasswordChangedEvent;
import io.nodeplane.events.user.UserPasswordResetRequestedEvent;
import io.nodeplane.events.user.UserUpdatedEvent;
import io.nodeplane.projections.audit.AuditEntries.Subject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Audit meaning of the account lifecycle: invitations, admin changes, deletion and passwords. */
final class UserAuditEntries {

    private UserAuditEntries() {
    }

    static Optional<Subject> subject(Object payload) {
        if (payload instanceof UserInvitationIssuedEvent e) {
            return user(e.resend() ? "user.invitation.resent" : "user.invitation.sent", e.userId(), null, null,
                    Map.of("expiresAt", e.expiresAt().toString()));
        }
        if (payload instanceof UserInvitationAcceptedEvent e) {
            return user("user.invitation.accepted", e.userId(), e.name(), null, Map.of());
        }
        if (payload instanceof UserUpdatedEvent e) {
            return user("user.updated", e.userId(), e.after().name(), changes(profile(e.before()), profile(e.after())),
                    Map.of());
        }
        if (payload instanceof UserDeletedEvent e) {
            return user("user.deleted", e.userId(), e.email(), null, Map.of());
        }
        if (payload instanceof UserPasswordChangedEvent e) {
            return user("user.password.changed", e.userId(), null, null, Map.of("reason", e.reason()));
        }
        if (payload instanceof UserPasswordResetRequestedEvent e) {
            return user("user.password.reset-requested", e.userId(), null, null,
                    Map.of("expiresAt", e.expiresAt().toString()));
        }
        return mfa(payload);
    }

    private static Optional<Subject> mfa(Object payload) {
        if (payload instanceof UserMfaSetupStartedEvent e) {
            return user("user.mfa.setup-started", e.userId(), null, null, Map.of());
        }
        if (payload instanceof UserMfaEnabledEvent e) {
            return user("user.mfa.enabled", e.userId(), null, null, Map.of("recoveryCodes", e.recoveryCodes()));
        }
        if (payload instanceof UserMfaDisabledEvent e) {
            return user("user.mfa.disabled", e.userId(), null, null, Map.of("proof", e.proof()));
        }
        if (payload instanceof UserMfaRecoveryCodesRegeneratedEvent e) {
            return user("user.mfa.recovery-codes.regenerated", e.userId(), null, null,
                    Map.of("recoveryCodes", e.recoveryCodes()));
        }
        if (payload instanceof UserMfaRecoveryCodeUsedEvent e) {
            return user("user.mfa.recovery-code.used", e.userId(), null, null, Map.of("remaining", e.remaining()));
        }
        return Optional.empty();
    }

    private static Map<String, Object> profile(UserUpdatedEvent.Profile p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", p.name());
        map.put("role", p.role().name().toLowerCase(Locale.ROOT));
        map.put("isActive", p.active());
        return map;
    }

    private static Optional<Subject> user(String action, UUID userId, String label, Map<String, Object> changes,
                                          Map<String, Object> metadata) {
        return Optional.of(new Subject("platform", null, action, "user", userId.toString(), label, changes, metadata));
    }
}
