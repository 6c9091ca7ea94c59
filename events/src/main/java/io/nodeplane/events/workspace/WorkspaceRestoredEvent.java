package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An archived workspace accepts changes again. */
@Revision("1")
public record WorkspaceRestoredEvent(UUID workspaceId) implements WorkspaceEvent {
}
