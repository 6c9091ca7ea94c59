package io.nodeplane.events.enrollment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The installer script reported a stage.
 *
 * @param status {@code installing}, {@code completed} or {@code failed}
 */
@Revision("1")
public record NodeInstallProgressedEvent(UUID installId, UUID workspaceId, String stage, String status,
                                         int progressPercent, String statusMessage) implements NodeInstallEvent {
}
