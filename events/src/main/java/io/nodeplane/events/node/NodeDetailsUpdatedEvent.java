package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An operator renamed or re-described a node. */
@Revision("1")
public record NodeDetailsUpdatedEvent(UUID nodeId, UUID workspaceId, Details before, Details after)
        implements NodeEvent {

    /** The operator-editable part of a node. */
    public record Details(String name, String description) {
    }
}
