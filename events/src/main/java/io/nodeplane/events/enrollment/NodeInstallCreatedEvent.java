package io.nodeplane.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An operator generated a one-click install command; the bootstrap token is stored hashed, never here. */
@Revision("1")
public record NodeInstallCreatedEvent(UUID installId, UUID workspaceId, UUID teamId, String nodeName,
                                      String description, Instant expiresAt) implements NodeInstallEvent {
}
