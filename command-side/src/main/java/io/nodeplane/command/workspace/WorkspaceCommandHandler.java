package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;
import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.support.UniqueKeys;
import io.nodeplane.command.user.UserDirectory;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent.Settings;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Workspace decisions that reach beyond one aggregate: unique slugs, the single default workspace
 * (both sides of a switch change in one transaction) and members who must be active users.
 */
@Component
class WorkspaceCommandHandler {

    private final WorkspaceStates states;

    static final String DEFAULT_KEY = "default";

    private final Repository<Workspace> workspaces;
    private final UniqueKeys uniqueKeys;
    private final UserDirectory users;

    WorkspaceCommandHandler(Repository<Workspace> workspaces, UniqueKeys uniqueKeys, UserDirectory users,
                            WorkspaceStates states) {
        this.states = states;
        this.workspaces = workspaces;
        this.uniqueKeys = uniqueKeys;
        this.users = users;
    }

    @CommandHandler
    void handle(CreateWorkspaceCommand command) throws Exception {
        WorkspaceSettings.validate(command.name(), command.slug(), command.defaultTimezone());
        claimSlug(command.slug(), command.workspaceId());
        UUID previousDefault = command.isDefault()
                ? uniqueKeys.transfer(UniqueKeys.DEFAULT_WORKSPACE, DEFAULT_KEY, command.workspaceId()) : null;
        workspaces.newInstance(() -> new Workspace(command));
        states.put(command.workspaceId(), false);
        if (previousDefault != null) {
            load(previousDefault).execute(w -> w.makeDefault(false));
        }
    }

    @CommandHandler
    void handle(UpdateWorkspaceCommand command) {
        Aggregate<Workspace> workspace = load(command.workspaceId());
        if (Boolean.FALSE.equals(command.isArchived())) {
            workspace.execute(Workspace::restore);
            states.put(command.workspaceId(), false);
        }
        Settings current = workspace.invoke(Workspace::settings);
        Settings next = WorkspaceSettings.validate(
                command.name() == null ? current.name() : command.name(),
                command.slug() == null ? current.slug() : command.slug(),
                command.defaultTimezone() == null ? current.defaultTimezone() : command.defaultTimezone());
        if (!next.equals(current)) {
            if (!next.slug().equals(current.slug())) {
                claimSlug(next.slug(), command.workspaceId());
                uniqueKeys.release(UniqueKeys.WORKSPACE_SLUG, current.slug(), command.workspaceId());
            }
            workspace.execute(w -> w.update(next));
        }
        if (Boolean.TRUE.equals(command.isDefault()) && !workspace.invoke(Workspace::isDefault)) {
            workspace.execute(w -> w.makeDefault(true)); // refuses an archived workspace before any key moves
            UUID previous = uniqueKeys.transfer(UniqueKeys.DEFAULT_WORKSPACE, DEFAULT_KEY, command.workspaceId());
            if (previous != null && !previous.equals(command.workspaceId())) {
                load(previous).execute(w -> w.makeDefault(false));
            }
        }
        if (Boolean.FALSE.equals(command.isDefault()) && workspace.invoke(Workspace::isDefault)) {
            throw badRequest("DEFAULT_WORKSPACE_REQUIRED",
                    "There must be a default workspace: make another workspace the default instead");
        }
        if (Boolean.TRUE.equals(command.isArchived())) {
            workspace.execute(Workspace::archive);
            states.put(command.workspaceId(), true);
        }
    }

    @CommandHandler
    void handle(DeleteWorkspaceCommand command) {
        Aggregate<Workspace> workspace = load(command.workspaceId());
        String slug = workspace.invoke(w -> w.settings().slug());
        workspace.execute(Workspace::delete);
        states.remove(command.workspaceId());
        uniqueKeys.release(UniqueKeys.WORKSPACE_SLUG, slug, command.workspaceId());
    }

    @CommandHandler
    void handle(AddWorkspaceMemberCommand command) {
        Aggregate<Workspace> workspace = load(command.workspaceId());
        if (command.userId() == null || !users.canJoinWorkspaces(command.userId())) {
            throw badRequest("USER_NOT_ASSIGNABLE", "Only active users who accepted their invitation can be added");
        }
        workspace.execute(w -> w.addMember(command.membershipId(), command.userId(), command.role()));
    }

    private Aggregate<Workspace> load(UUID workspaceId) {
        try {
            return workspaces.load(workspaceId.toString());
        } catch (AggregateNotFoundException e) { // includes deleted workspaces
            throw notFound("WORKSPACE_NOT_FOUND", "Workspace " + workspaceId + " was not found");
        }
    }

    private void claimSlug(String slug, UUID workspaceId) {
        if (!uniqueKeys.claim(UniqueKeys.WORKSPACE_SLUG, slug, workspaceId)) {
            throw conflict("WORKSPACE_SLUG_TAKEN", "A workspace with this slug already exists");
        }
    }
}
