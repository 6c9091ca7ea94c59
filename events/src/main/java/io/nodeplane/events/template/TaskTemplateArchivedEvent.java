package io.nodeplane.events.template;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A template that tasks still refer to was deleted: it is kept, read-only and hidden from lists, so
 * those tasks keep their origin; its name is free again.
 */
@Revision("1")
public record TaskTemplateArchivedEvent(UUID templateId, UUID workspaceId, String name, UUID byUserId)
        implements TaskTemplateEvent {
}
