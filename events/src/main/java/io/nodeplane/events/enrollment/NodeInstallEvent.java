package io.nodeplane.events.enrollment;

import java.util.UUID;

/** Events of a one-click install token; each belongs to the {@code NodeInstall} aggregate. */
public sealed interface NodeInstallEvent permits NodeInstallCreatedEvent, NodeInstallProgressedEvent,
        NodeInstallConsumedEvent {
    UUID installId();

    UUID workspaceId();
}
