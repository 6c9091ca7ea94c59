package io.nodeplane.command.workspace;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceRole;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A workspace: the security boundary that owns members, teams, nodes and tasks. */
@Aggregate
class Workspace {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    @AggregateIdentifier
    private UUID workspaceId;

    Workspace() {
        // for Axon
    }

    /** Creation is decided by {@link WorkspaceCommandHandler}, which first claims the slug. */
    Workspace(CreateWorkspaceCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new CommandRejectedException(Kind.BAD_REQUEST, "WORKSPACE_NAME_REQUIRED", "name is required");
        }
        if (command.slug() == null || command.slug().length() > 64 || !SLUG.matcher(command.slug()).matches()) {
            throw new CommandRejectedException(Kind.BAD_REQUEST, "WORKSPACE_SLUG_INVALID",
                    "slug must be lower-case letters, digits and single dashes (at most 64 characters)");
        }
        String zone = command.defaultTimezone() == null ? "UTC" : command.defaultTimezone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new CommandRejectedException(Kind.BAD_REQUEST, "WORKSPACE_TIMEZONE_INVALID",
                    "defaultTimezone must be an IANA time zone");
        }
        apply(new WorkspaceCreatedEvent(command.workspaceId(), command.name().trim(), command.slug(), zone,
                command.isDefault(), command.createdByUserId()));
        if (command.ownerUserId() != null) {
            apply(new WorkspaceMemberAddedEvent(command.workspaceId(), command.ownerMembershipId(),
                    command.ownerUserId(), WorkspaceRole.OWNER));
        }
    }

    @EventSourcingHandler
    void on(WorkspaceCreatedEvent event) {
        this.workspaceId = event.workspaceId();
    }
}
