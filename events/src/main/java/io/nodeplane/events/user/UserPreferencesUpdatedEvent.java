package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user changed their own preferences; both states are kept for the audit log. */
@Revision("1")
public record UserPreferencesUpdatedEvent(UUID userId, Preferences before, Preferences after) implements UserEvent {

    /**
     * @param timezone           IANA zone used to display times (display only; schedules use the workspace's)
     * @param defaultWorkspaceId the workspace the web app opens first, or {@code null}
     */
    public record Preferences(String timezone, boolean criticalEventEmailsEnabled, boolean enrollmentEmailsEnabled,
                              UUID defaultWorkspaceId) {
    }
}
