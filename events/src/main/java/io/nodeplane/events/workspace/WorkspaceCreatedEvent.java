package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A workspace was created.
 *
 * @param defaultTimezone IANA zone in which the workspace's schedules run
 * @param isDefault       whether this is the platform's default workspace
 * @param createdByUserId the creating user, or {@code null} when the system created it
 */
@Revision("1")
public record WorkspaceCreatedEvent(
        UUID workspaceId, String name, String slug, String defaultTimezone, boolean isDefault,
        UUID createdByUserId) implements WorkspaceEvent {
}
