package io.nodeplane.events.user;

import java.util.UUID;

/** Events of the user context; each belongs to the {@code User} aggregate identified by {@link #userId()}. */
public sealed interface UserEvent permits UserCreatedEvent, UserSessionsRevokedEvent, UserPreferencesUpdatedEvent,
        UserInvitationIssuedEvent, UserInvitationAcceptedEvent, UserUpdatedEvent, UserDeletedEvent,
        UserPasswordChangedEvent, UserPasswordResetRequestedEvent, UserMfaSetupStartedEvent, UserMfaEnabledEvent,
        UserMfaDisabledEvent, UserMfaRecoveryCodesRegeneratedEvent, UserMfaRecoveryCodeUsedEvent {
    UUID userId();
}
