package io.nodeplane.projections.template;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.template.TaskTemplateArchivedEvent;
import io.nodeplane.events.template.TaskTemplateCreatedEvent;
import io.nodeplane.events.template.TaskTemplateDeletedEvent;
import io.nodeplane.events.template.TaskTemplateUpdatedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.query.template.TaskTemplateViewRepository;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code task_template_view}. */
@Component
@ProcessingGroup("task-template-view")
class TaskTemplateViewProjection {

    private final TaskTemplateViewRepository templates;

    TaskTemplateViewProjection(TaskTemplateViewRepository templates) {
        this.templates = templates;
    }

    @EventHandler
    void on(TaskTemplateCreatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(templates.insert(e.templateId(), e.workspaceId(), e.name(), e.description(), e.taskType(),
                e.payloadTemplate(), e.byUserId(), at, seq));
    }

    @EventHandler
    void on(TaskTemplateUpdatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(templates.update(e.templateId(), e.after().name(), e.after().description(), e.after().taskType(),
                e.after().payloadTemplate(), e.byUserId(), at, seq));
    }

    @EventHandler
    void on(TaskTemplateArchivedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(templates.archive(e.templateId(), e.byUserId(), at, seq));
    }

    @EventHandler
    void on(TaskTemplateDeletedEvent e) {
        write(templates.delete(e.templateId()));
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        write(templates.deleteWorkspace(e.workspaceId()));
    }

    @ResetHandler
    void reset() {
        write(templates.deleteAll());
    }
}
