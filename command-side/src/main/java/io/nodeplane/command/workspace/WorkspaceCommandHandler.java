package io.nodeplane.command.workspace;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.command.support.UniqueKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Creates workspaces, claiming the slug in the same transaction as the events. */
@Component
class WorkspaceCommandHandler {

    private final Repository<Workspace> workspaces;
    private final UniqueKeys uniqueKeys;

    WorkspaceCommandHandler(Repository<Workspace> workspaces, UniqueKeys uniqueKeys) {
        this.workspaces = workspaces;
        this.uniqueKeys = uniqueKeys;
    }

    @CommandHandler
    void handle(CreateWorkspaceCommand command) throws Exception {
        if (command.slug() != null && !uniqueKeys.claim(UniqueKeys.WORKSPACE_SLUG, command.slug(), command.workspaceId())) {
            throw new CommandRejectedException(Kind.CONFLICT, "WORKSPACE_SLUG_TAKEN", "A workspace with this slug already exists");
        }
        workspaces.newInstance(() -> new Workspace(command));
    }
}
