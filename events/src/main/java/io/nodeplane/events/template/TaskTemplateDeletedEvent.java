package io.nodeplane.events.template;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A template no task refers to was removed; its name is free again. */
@Revision("1")
public record TaskTemplateDeletedEvent(UUID templateId, UUID workspaceId, String name) implements TaskTemplateEvent {
}
