package io.nodeplane.events.node;

import java.util.UUID;

/** Events of the node context; each belongs to the {@code Node} aggregate. */
public sealed interface NodeEvent permits NodeRegisteredEvent, NodeReregisteredEvent, NodeDetailsUpdatedEvent,
        NodeTeamAssignedEvent, NodeMaintenanceEnabledEvent, NodeMaintenanceDisabledEvent, NodeWentOnlineEvent,
        NodeWentOfflineEvent, NodeDeletedEvent, NodeRootAccessProfileChangedEvent, NodeRootAccessReportedEvent {
    UUID nodeId();

    UUID workspaceId();
}
