package io.nodeplane.api.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Operator request bodies for task templates; names are trimmed and checked again by the template itself. */
final class TaskTemplateRequests {

    private TaskTemplateRequests() {
    }

    record CreateTaskTemplateRequest(@NotBlank @Size(max = 120) String name, @Size(max = 2000) String description,
                                     @NotBlank @Size(max = 120) String taskType, Map<String, Object> payloadTemplate) {
    }

    /** {@code null} keeps a field; a blank description clears it. */
    record UpdateTaskTemplateRequest(@Size(min = 1, max = 120) String name, @Size(max = 2000) String description,
                                     @Size(min = 1, max = 120) String taskType, Map<String, Object> payloadTemplate) {
    }
}
