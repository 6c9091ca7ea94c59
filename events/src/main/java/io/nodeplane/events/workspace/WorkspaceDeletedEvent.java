package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workspace was deleted; its slug is free again. */
@Revision("1")
public record WorkspaceDeletedEvent(UUID workspaceId, String slug) implements WorkspaceEvent {
}
