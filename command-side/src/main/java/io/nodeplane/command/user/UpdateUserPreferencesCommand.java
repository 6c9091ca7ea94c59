package io.nodeplane.command.user;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a user's own preferences; {@code null} keeps a preference as it is. */
public record UpdateUserPreferencesCommand(@TargetAggregateIdentifier UUID userId, String timezone,
                                           Boolean criticalEventEmailsEnabled, Boolean enrollmentEmailsEnabled,
                                           UUID defaultWorkspaceId) {
}
