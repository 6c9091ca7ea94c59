package io.nodeplane.command.template;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.template.TaskTemplateCommands.ArchiveTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.CreateTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.DeleteTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.UpdateTaskTemplateCommand;
import io.nodeplane.events.template.TaskTemplateArchivedEvent;
import io.nodeplane.events.template.TaskTemplateCreatedEvent;
import io.nodeplane.events.template.TaskTemplateDeletedEvent;
import io.nodeplane.events.template.TaskTemplateUpdatedEvent;
import io.nodeplane.events.template.TaskTemplateUpdatedEvent.Details;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The template's own rules: valid fields, no-op updates, read-only once archived, gone once deleted. */
class TaskTemplateTest {

    private final UUID templateId = UUID.randomUUID();
    private final UUID workspaceId = UUID.randomUUID();
    private final UUID userId = UUID.randomUUID();
    private FixtureConfiguration<TaskTemplate> fixture;

    /** Maps commands straight to the template's decisions (keys and workspaces are the handler's, tested in the IT). */
    static final class Decisions {
        private final Repository<TaskTemplate> templates;

        Decisions(Repository<TaskTemplate> templates) {
            this.templates = templates;
        }

        @CommandHandler
        void handle(CreateTaskTemplateCommand c) throws Exception {
            TaskTemplateCreatedEvent created = TaskTemplate.created(c);
            templates.newInstance(() -> new TaskTemplate(created));
        }

        @CommandHandler
        void handle(UpdateTaskTemplateCommand c) {
            templates.load(c.templateId().toString())
                    .execute(t -> t.update(c.name(), c.description(), c.taskType(), c.payloadTemplate(), c.byUserId()));
        }

        @CommandHandler
        void handle(ArchiveTaskTemplateCommand c) {
            templates.load(c.templateId().toString()).execute(t -> t.archive(c.byUserId()));
        }

        @CommandHandler
        void handle(DeleteTaskTemplateCommand c) {
            templates.load(c.templateId().toString()).execute(TaskTemplate::delete);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskTemplate.class);
        fixture.registerAnnotatedCommandHandler(new Decisions(fixture.getRepository()));
    }

    private TaskTemplateCreatedEvent created() {
        return new TaskTemplateCreatedEvent(templateId, workspaceId, "Restart agent", null, "shell.exec",
                "{\"command\":\"systemctl restart noderax-agent\"}", userId);
    }

    private CreateTaskTemplateCommand create(String name, String taskType, Map<String, Object> payload) {
        return new CreateTaskTemplateCommand(templateId, workspaceId, name, "  ", taskType, payload, userId);
    }

    private UpdateTaskTemplateCommand update(String name, String description, String taskType, Map<String, Object> payload) {
        return new UpdateTaskTemplateCommand(templateId, workspaceId, name, description, taskType, payload, userId);
    }

    @Test
    void createsTemplateWithTrimmedNameNoBlankDescriptionAndEmptyPayloadByDefault() {
        fixture.givenNoPriorActivity()
                .when(create("  Disk usage  ", "shell.exec", null))
                .expectEvents(new TaskTemplateCreatedEvent(templateId, workspaceId, "Disk usage", null, "shell.exec", "{}",
                        userId));
    }

    @Test
    void rejectsUnknownTaskType() {
        fixture.givenNoPriorActivity()
                .when(create("Reboot", "shell.run", Map.of()))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("taskType must be one of agent.update, log.scan, packageInstall, packageList, "
                        + "packagePurge, packageRemove, packageSearch, shell.exec");
    }

    @Test
    void rejectsBlankAndOverlongNames() {
        fixture.givenNoPriorActivity()
                .when(create("   ", "packageList", Map.of()))
                .expectNoEvents()
                .expectExceptionMessage("name must be 1 to 120 characters");
        fixture.givenNoPriorActivity()
                .when(create("x".repeat(121), "packageList", Map.of()))
                .expectNoEvents()
                .expectExceptionMessage("name must be 1 to 120 characters");
    }

    @Test
    void rejectsOverlongDescription() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskTemplateCommand(templateId, workspaceId, "List", "d".repeat(2001), "packageList",
                        null, userId))
                .expectNoEvents()
                .expectExceptionMessage("description must be at most 2000 characters");
    }

    @Test
    void updateRecordsOnlyTheGivenFieldsWithBeforeAndAfter() {
        Details before = new Details("Restart agent", null, "shell.exec", "{\"command\":\"systemctl restart noderax-agent\"}");
        fixture.given(created())
                .when(update(null, "Restarts the agent", null, Map.of("command", "reboot")))
                .expectEvents(new TaskTemplateUpdatedEvent(templateId, workspaceId, before,
                        new Details("Restart agent", "Restarts the agent", "shell.exec", "{\"command\":\"reboot\"}"), userId));
    }

    @Test
    void updateThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(update(" Restart agent ", null, "shell.exec", Map.of("command", "systemctl restart noderax-agent")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsUpdateToUnknownTaskType() {
        fixture.given(created())
                .when(update(null, null, "reboot", null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void archivedTemplateIsReadOnly() {
        fixture.given(created(), new TaskTemplateArchivedEvent(templateId, workspaceId, "Restart agent", userId))
                .when(update("Other", null, null, null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Task template " + templateId + " is archived and cannot be changed");
    }

    @Test
    void archivingTwiceRecordsOnce() {
        fixture.given(created())
                .when(new ArchiveTaskTemplateCommand(templateId, workspaceId, userId))
                .expectEvents(new TaskTemplateArchivedEvent(templateId, workspaceId, "Restart agent", userId));
        fixture.given(created(), new TaskTemplateArchivedEvent(templateId, workspaceId, "Restart agent", userId))
                .when(new ArchiveTaskTemplateCommand(templateId, workspaceId, userId))
                .expectNoEvents();
    }

    @Test
    void deletesArchivedTemplateToo() {
        fixture.given(created(), new TaskTemplateArchivedEvent(templateId, workspaceId, "Restart agent", userId))
                .when(new DeleteTaskTemplateCommand(templateId, workspaceId))
                .expectEvents(new TaskTemplateDeletedEvent(templateId, workspaceId, "Restart agent"));
    }

    @Test
    void deletedTemplateNoLongerExists() {
        fixture.given(created(), new TaskTemplateDeletedEvent(templateId, workspaceId, "Restart agent"))
                .when(update("Other", null, null, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
}
