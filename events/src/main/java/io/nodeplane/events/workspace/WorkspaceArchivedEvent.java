package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workspace became read-only until restored. */
@Revision("1")
public record WorkspaceArchivedEvent(UUID workspaceId) implements WorkspaceEvent {
}
