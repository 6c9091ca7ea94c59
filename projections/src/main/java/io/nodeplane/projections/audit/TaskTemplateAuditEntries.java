package io.nodeplane.projections.audit;

import static io.nodeplane.projections.audit.AuditEntries.after;
import static io.nodeplane.projections.audit.AuditEntries.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.events.template.TaskTemplateArchivedEvent;
import io.nodeplane.events.template.TaskTemplateCreatedEvent;
import io.nodeplane.events.template.TaskTemplateDeletedEvent;
import io.nodeplane.events.template.TaskTemplateUpdatedEvent;
import io.nodeplane.events.template.TaskTemplateUpdatedEvent.Details;
import io.nodeplane.projections.audit.AuditEntries.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Audit meaning of task-template events; the target is the template, labelled with its name. */
final class TaskTemplateAuditEntries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskTemplateAuditEntries() {
    }

    static Optional<Subject> subject(Object payload) {
        if (payload instanceof TaskTemplateCreatedEvent e) {
            return template(e.workspaceId(), "task-template.created", e.templateId(), e.name(),
                    after(details(new Details(e.name(), e.description(), e.taskType(), e.payloadTemplate()))));
        }
        if (payload instanceof TaskTemplateUpdatedEvent e) {
            return template(e.workspaceId(), "task-template.updated", e.templateId(), e.after().name(),
                    changes(details(e.before()), details(e.after())));
        }
        if (payload instanceof TaskTemplateArchivedEvent e) {
            return template(e.workspaceId(), "task-template.archived", e.templateId(), e.name(),
                    changes(Map.of("isArchived", false), Map.of("isArchived", true)));
        }
        if (payload instanceof TaskTemplateDeletedEvent e) {
            return template(e.workspaceId(), "task-template.deleted", e.templateId(), e.name(), null);
        }
        return Optional.empty();
    }

    private static Optional<Subject> template(UUID workspaceId, String action, UUID templateId, String label,
                                              Map<String, Object> changes) {
        return Optional.of(new Subject("workspace", workspaceId, action, "task_template", templateId.toString(), label,
                changes, Map.of()));
    }

    private static Map<String, Object> details(Details d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", d.name());
        map.put("description", d.description());
        map.put("taskType", d.taskType());
        map.put("payloadTemplate", object(d.payloadTemplate()));
        return map;
    }

    // the payload is stored as text; the audit entry shows it as the object it is
    private static JsonNode object(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payloadTemplate of a stored event is not JSON", e);
        }
    }
}
