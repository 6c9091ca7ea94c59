package io.nodeplane.events.template;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An operator changed a template. Carries the editable fields before and after, so the audit log can
 * show what changed without reading any other event.
 */
@Revision("1")
public record TaskTemplateUpdatedEvent(UUID templateId, UUID workspaceId, Details before, Details after, UUID byUserId)
        implements TaskTemplateEvent {

    /** The operator-editable part of a template; {@code payloadTemplate} is a JSON object as text. */
    public record Details(String name, String description, String taskType, String payloadTemplate) {
    }
}
