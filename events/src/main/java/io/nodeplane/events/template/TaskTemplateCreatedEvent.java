package io.nodeplane.events.template;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An operator saved a reusable task definition in a workspace. {@code payloadTemplate} is a JSON
 * object as text, kept verbatim; {@code name} is trimmed and unique (case-insensitive) among the
 * workspace's templates that are not archived.
 */
@Revision("1")
public record TaskTemplateCreatedEvent(UUID templateId, UUID workspaceId, String name, String description,
                                       String taskType, String payloadTemplate, UUID byUserId)
        implements TaskTemplateEvent {
}
