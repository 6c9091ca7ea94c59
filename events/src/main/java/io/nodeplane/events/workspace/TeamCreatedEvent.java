package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A team was created inside a workspace; its name is unique there (case-insensitive). */
@Revision("1")
public record TeamCreatedEvent(UUID workspaceId, UUID teamId, String name, String description) implements WorkspaceEvent {
}
