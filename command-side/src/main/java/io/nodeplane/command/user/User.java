package io.nodeplane.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.events.user.UserCreatedEvent;
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
import io.nodeplane.events.user.UserPreferencesUpdatedEvent;
import io.nodeplane.events.user.UserPreferencesUpdatedEvent.Preferences;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import io.nodeplane.events.user.UserUpdatedEvent;
import io.nodeplane.events.user.UserUpdatedEvent.Profile;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user account. Its state is rebuilt from its events; credentials and one-time tokens live outside
 * the event store. Decisions that span users (unique e-mail, the last admin, memberships) are taken
 * by {@link UserCommandHandler} and {@link UserAccountHandler} before they call in here.
 */
@Aggregate
class User {

    @AggregateIdentifier
    private UUID userId;
    private String email;
    private int sessionVersion;
    private Profile profile;
    private boolean accepted;
    private Preferences preferences;
    private boolean mfaPending;
    private boolean mfaEnabled;

    User() {
        // for Axon
    }

    /** Creation is decided by {@link UserCommandHandler}, which first claims the e-mail address. */
    User(CreateUserCommand command) {
        if (command.email() == null || command.email().isBlank()) {
            throw new CommandRejectedException(Kind.BAD_REQUEST, "USER_EMAIL_REQUIRED", "email is required");
        }
        apply(new UserCreatedEvent(command.userId(), command.email().trim(), command.name(), command.role(),
                command.active(), command.timezone() == null ? "UTC" : command.timezone()));
    }

    @CommandHandler
    void handle(RevokeUserSessionsCommand command) {
        revokeSessions(command.reason() == null ? "operator-request" : command.reason());
    }

    @CommandHandler
    void handle(UpdateUserPreferencesCommand c) {
        String zone = c.timezone() == null ? preferences.timezone() : c.timezone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw CommandRejectedException.badRequest("USER_TIMEZONE_INVALID", "timezone must be an IANA time zone");
        }
        Preferences next = new Preferences(zone,
                c.criticalEventEmailsEnabled() == null ? preferences.criticalEventEmailsEnabled() : c.criticalEventEmailsEnabled(),
                c.enrollmentEmailsEnabled() == null ? preferences.enrollmentEmailsEnabled() : c.enrollmentEmailsEnabled(),
                c.defaultWorkspaceId() == null ? preferences.defaultWorkspaceId() : c.defaultWorkspaceId());
        if (!next.equals(preferences)) {
            apply(new UserPreferencesUpdatedEvent(userId, preferences, next));
        }
    }

    /** Only active users who accepted their invitation may be given workspace or team memberships. */
    boolean canJoinWorkspaces() {
        return profile.active() && accepted;
    }

    UUID id() {
        return userId;
    }

    String email() {
        return email;
    }

    Profile profile() {
        return profile;
    }

    void invite(Instant expiresAt, boolean resend) {
        if (accepted) {
            throw CommandRejectedException.conflict("USER_INVITATION_ACCEPTED", "The user has already accepted their invitation");
        }
        apply(new UserInvitationIssuedEvent(userId, expiresAt, resend));
    }

    void accept(String name) {
        if (accepted) {
            throw new CommandRejectedException(Kind.GONE, "TOKEN_GONE", "This invitation was already accepted");
        }
        apply(new UserInvitationAcceptedEvent(userId, name == null || name.isBlank() ? profile.name() : name.trim()));
        revokeSessions("invitation-accepted");
    }

    /** Changes profile, role and active state; a role change or a deactivation ends every session. */
    void update(Profile next) {
        if (next.name() == null || next.name().isBlank()) {
            throw CommandRejectedException.badRequest("USER_NAME_REQUIRED", "name must not be blank");
        }
        if (next.active() && !profile.active() && !accepted) {
            throw CommandRejectedException.conflict("USER_INVITATION_PENDING",
                    "A user who has not accepted their invitation cannot be activated");
        }
        if (next.equals(profile)) {
            return;
        }
        Profile before = profile;
        apply(new UserUpdatedEvent(userId, before, next));
        if (before.role() != next.role() || (before.active() && !next.active())) {
            revokeSessions(before.role() != next.role() ? "role-changed" : "deactivated");
        }
    }

    boolean mayResetPassword() {
        return profile.active() && accepted;
    }

    void requestPasswordReset(Instant expiresAt) {
        apply(new UserPasswordResetRequestedEvent(userId, expiresAt));
    }

    void passwordChanged(String reason) {
        if (!mayResetPassword()) {
            throw CommandRejectedException.conflict("USER_INACTIVE", "The account is not active");
        }
        apply(new UserPasswordChangedEvent(userId, reason));
        revokeSessions("password-" + reason);
    }

    void delete() {
        apply(new UserDeletedEvent(userId, email));
    }

    void startMfaSetup() {
        if (mfaEnabled) {
            throw CommandRejectedException.conflict("MFA_ALREADY_ENABLED", "Multi-factor sign-in is already enabled");
        }
        apply(new UserMfaSetupStartedEvent(userId));
    }

    void enableMfa(int recoveryCodes) {
        if (mfaEnabled) {
            throw CommandRejectedException.conflict("MFA_ALREADY_ENABLED", "Multi-factor sign-in is already enabled");
        }
        if (!mfaPending) {
            throw CommandRejectedException.conflict("MFA_NOT_PENDING", "No multi-factor setup is pending");
        }
        apply(new UserMfaEnabledEvent(userId, recoveryCodes));
    }

    void disableMfa(String proof) {
        requireMfa();
        apply(new UserMfaDisabledEvent(userId, proof));
    }

    void regenerateRecoveryCodes(int recoveryCodes) {
        requireMfa();
        apply(new UserMfaRecoveryCodesRegeneratedEvent(userId, recoveryCodes));
    }

    void recoveryCodeUsed(int remaining) {
        requireMfa();
        apply(new UserMfaRecoveryCodeUsedEvent(userId, remaining));
    }

    private void requireMfa() {
        if (!mfaEnabled) {
            throw CommandRejectedException.conflict("MFA_NOT_ENABLED", "Multi-factor sign-in is not enabled");
        }
    }

    private void revokeSessions(String reason) {
        apply(new UserSessionsRevokedEvent(userId, sessionVersion + 1, reason));
    }

    @EventSourcingHandler
    void on(UserCreatedEvent event) {
        this.userId = event.userId();
        this.email = event.email();
        this.sessionVersion = 0;
        this.profile = new Profile(event.name(), event.role(), event.active());
        this.accepted = event.active();
        this.preferences = new Preferences(event.timezone(), true, true, null);
    }

    @EventSourcingHandler
    void on(UserInvitationAcceptedEvent event) {
        this.accepted = true;
        this.profile = new Profile(event.name(), profile.role(), true);
    }

    @EventSourcingHandler
    void on(UserUpdatedEvent event) {
        this.profile = event.after();
    }

    @EventSourcingHandler
    void on(UserDeletedEvent event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(UserPreferencesUpdatedEvent event) {
        this.preferences = event.after();
    }

    @EventSourcingHandler
    void on(UserMfaSetupStartedEvent event) {
        this.mfaPending = true;
    }

    @EventSourcingHandler
    void on(UserMfaEnabledEvent event) {
        this.mfaEnabled = true;
        this.mfaPending = false;
    }

    @EventSourcingHandler
    void on(UserMfaDisabledEvent event) {
        this.mfaEnabled = false;
        this.mfaPending = false;
    }

    @EventSourcingHandler
    void on(UserSessionsRevokedEvent event) {
        this.sessionVersion = event.sessionVersion();
    }
}
