package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The workspace became, or stopped being, the platform's default. Both sides of a switch are
 * recorded in the same transaction, so exactly one workspace is default at any time.
 */
@Revision("1")
public record WorkspaceDefaultChangedEvent(UUID workspaceId, boolean isDefault) implements WorkspaceEvent {
}
