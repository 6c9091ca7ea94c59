package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A workspace's settings changed. Carries the settings before and after, so the audit log can show
 * exactly what changed without reading any other event.
 */
@Revision("1")
public record WorkspaceUpdatedEvent(UUID workspaceId, Settings before, Settings after) implements WorkspaceEvent {

    /** The editable settings of a workspace. */
    public record Settings(String name, String slug, String defaultTimezone) {
    }
}
