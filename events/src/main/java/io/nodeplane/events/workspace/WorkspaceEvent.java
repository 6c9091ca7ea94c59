package io.nodeplane.events.workspace;

import java.util.UUID;

/** Events of the workspace context; each belongs to the {@code Workspace} aggregate. */
public sealed interface WorkspaceEvent permits WorkspaceCreatedEvent, WorkspaceUpdatedEvent,
        WorkspaceDefaultChangedEvent, WorkspaceArchivedEvent, WorkspaceRestoredEvent, WorkspaceDeletedEvent,
        WorkspaceMemberAddedEvent, WorkspaceMemberRoleChangedEvent, WorkspaceMemberRemovedEvent, TeamCreatedEvent,
        TeamUpdatedEvent, TeamDeletedEvent, TeamMemberAddedEvent, TeamMemberRemovedEvent {
    UUID workspaceId();
}
