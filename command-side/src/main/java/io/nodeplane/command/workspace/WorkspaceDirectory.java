package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.support.UniqueKeys;
import java.util.UUID;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * What other contexts' command handlers may ask about a workspace, answered from the workspace's
 * own event stream (never from a read model): does it accept changes, does a team exist in it.
 */
@Component
public class WorkspaceDirectory {

    private final Repository<Workspace> workspaces;
    private final UniqueKeys uniqueKeys;

    private final WorkspaceStates states;

    WorkspaceDirectory(Repository<Workspace> workspaces, UniqueKeys uniqueKeys, WorkspaceStates states) {
        this.states = states;
        this.workspaces = workspaces;
        this.uniqueKeys = uniqueKeys;
    }

    /**
     * 404 when the workspace does not exist, 409 when it is archived. Answered from
     * {@code workspace_state}, so checking takes no lock on the workspace.
     */
    public void requireWritable(UUID workspaceId) {
        Boolean archived = states.archived(workspaceId);
        if (archived == null) {
            throw notFound("WORKSPACE_NOT_FOUND", "Workspace " + workspaceId + " was not found");
        }
        if (archived) {
            throw conflict("WORKSPACE_ARCHIVED", "The workspace is archived; restore it with isArchived:false first");
        }
    }

    /** 404 unless {@code teamId} is a team of the workspace. */
    public void requireTeam(UUID workspaceId, UUID teamId) {
        if (!load(workspaceId).invoke(w -> w.hasTeam(teamId))) {
            throw notFound("TEAM_NOT_FOUND", "Team " + teamId + " was not found in this workspace");
        }
    }

    /** The workspace's IANA time zone (its {@code defaultTimezone}); 404 when it does not exist. */
    public String timezone(UUID workspaceId) {
        return load(workspaceId).invoke(w -> w.settings().defaultTimezone());
    }

    /** The platform's default workspace. */
    public UUID defaultWorkspace() {
        UUID id = uniqueKeys.holder(UniqueKeys.DEFAULT_WORKSPACE, WorkspaceCommandHandler.DEFAULT_KEY);
        if (id == null) {
            throw notFound("WORKSPACE_NOT_FOUND", "There is no default workspace");
        }
        return id;
    }

    private Aggregate<Workspace> load(UUID workspaceId) {
        try {
            return workspaces.load(workspaceId.toString());
        } catch (AggregateNotFoundException e) {
            throw notFound("WORKSPACE_NOT_FOUND", "Workspace " + workspaceId + " was not found");
        }
    }
}
