package io.nodeplane.command.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.command.workspace.TeamCommands.AddTeamMemberCommand;
import io.nodeplane.command.workspace.TeamCommands.CreateTeamCommand;
import io.nodeplane.command.workspace.TeamCommands.DeleteTeamCommand;
import io.nodeplane.command.workspace.TeamCommands.RemoveTeamMemberCommand;
import io.nodeplane.command.workspace.TeamCommands.RepairTeamMembershipsCommand;
import io.nodeplane.command.workspace.TeamCommands.UpdateTeamCommand;
import io.nodeplane.events.workspace.TeamCreatedEvent;
import io.nodeplane.events.workspace.TeamDeletedEvent;
import io.nodeplane.events.workspace.TeamMemberAddedEvent;
import io.nodeplane.events.workspace.TeamMemberRemovedEvent;
import io.nodeplane.events.workspace.TeamUpdatedEvent;
import io.nodeplane.events.workspace.TeamUpdatedEvent.Details;
import io.nodeplane.events.workspace.WorkspaceArchivedEvent;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceDefaultChangedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRoleChangedEvent;
import io.nodeplane.events.workspace.WorkspaceRestoredEvent;
import io.nodeplane.events.workspace.WorkspaceRole;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent.Settings;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private final UUID workspaceId = UUID.randomUUID();
    private final String id = workspaceId.toString();
    private final UUID owner = UUID.randomUUID();
    private final UUID ownership = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();
    private final UUID adminship = UUID.randomUUID();
    private FixtureConfiguration<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
    }

    private WorkspaceCreatedEvent created(boolean isDefault) {
        return new WorkspaceCreatedEvent(workspaceId, "Ops", "ops", "UTC", isDefault, owner);
    }

    private WorkspaceMemberAddedEvent ownerAdded() {
        return new WorkspaceMemberAddedEvent(workspaceId, ownership, owner, WorkspaceRole.OWNER);
    }

    private static void rejected(Runnable action, Kind kind, String code) {
        assertThatThrownBy(action::run).isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).kind()).isEqualTo(kind))
                .satisfies(e -> assertThat(((CommandRejectedException) e).code()).isEqualTo(code));
    }

    @Test
    void createsTheWorkspaceAndMakesTheCreatorItsOwner() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Workspace(new CreateWorkspaceCommand(workspaceId, " Default Workspace ",
                        "default", "Europe/Istanbul", true, owner, owner, ownership)))
                .expectEvents(
                        new WorkspaceCreatedEvent(workspaceId, "Default Workspace", "default", "Europe/Istanbul", true, owner),
                        new WorkspaceMemberAddedEvent(workspaceId, ownership, owner, WorkspaceRole.OWNER));
    }

    @Test
    void aWorkspaceCreatedByTheSystemHasNoOwnerYetAndDefaultsToUtc() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Workspace(
                        new CreateWorkspaceCommand(workspaceId, "Ops", "ops", null, false, null, null, null)))
                .expectEvents(new WorkspaceCreatedEvent(workspaceId, "Ops", "ops", "UTC", false, null));
    }

    @Test
    void rejectsBadSlugsNamesAndZones() {
        rejected(() -> WorkspaceSettings.validate("Ops", "Not A Slug", "UTC"), Kind.BAD_REQUEST, "WORKSPACE_SLUG_INVALID");
        rejected(() -> WorkspaceSettings.validate("Ops", "trailing-", "UTC"), Kind.BAD_REQUEST, "WORKSPACE_SLUG_INVALID");
        rejected(() -> WorkspaceSettings.validate(" ", "ops", "UTC"), Kind.BAD_REQUEST, "WORKSPACE_NAME_INVALID");
        rejected(() -> WorkspaceSettings.validate("Ops", "ops", "Mars/Olympus"), Kind.BAD_REQUEST, "WORKSPACE_TIMEZONE_INVALID");
    }

    @Test
    void updatesRecordBeforeAndAfterAndIdenticalSettingsRecordNothing() {
        Settings next = new Settings("Operations", "operations", "Europe/Berlin");
        fixture.given(created(false)).whenInvoking(id, w -> w.update(next))
                .expectEvents(new WorkspaceUpdatedEvent(workspaceId, new Settings("Ops", "ops", "UTC"), next));
        fixture.given(created(false)).whenInvoking(id, w -> w.update(new Settings("Ops", "ops", "UTC")))
                .expectNoEvents();
    }

    @Test
    void anArchivedWorkspaceIsReadOnlyUntilRestored() {
        fixture.given(created(false), ownerAdded(), new WorkspaceArchivedEvent(workspaceId))
                .whenInvoking(id, w -> w.update(new Settings("X", "x", "UTC")))
                .expectException(CommandRejectedException.class).expectExceptionMessage(
                        "The workspace is archived; restore it with isArchived:false first");
        fixture.given(created(false), ownerAdded(), new WorkspaceArchivedEvent(workspaceId))
                .when(new RemoveWorkspaceMemberCommand(workspaceId, ownership))
                .expectException(CommandRejectedException.class);
        fixture.given(created(false), new WorkspaceArchivedEvent(workspaceId))
                .whenInvoking(id, Workspace::restore).expectEvents(new WorkspaceRestoredEvent(workspaceId));
        fixture.given(created(false), new WorkspaceArchivedEvent(workspaceId))
                .whenInvoking(id, w -> w.makeDefault(true)).expectException(CommandRejectedException.class);
    }

    @Test
    void theDefaultWorkspaceCanBeNeitherArchivedNorDeleted() {
        fixture.given(created(true)).whenInvoking(id, Workspace::archive)
                .expectException(CommandRejectedException.class).expectNoEvents();
        fixture.given(created(true)).whenInvoking(id, Workspace::delete)
                .expectException(CommandRejectedException.class).expectNoEvents();
        fixture.given(created(false)).whenInvoking(id, Workspace::archive)
                .expectEvents(new WorkspaceArchivedEvent(workspaceId));
        fixture.given(created(false)).whenInvoking(id, Workspace::delete)
                .expectEvents(new WorkspaceDeletedEvent(workspaceId, "ops")).expectMarkedDeleted();
        fixture.given(created(false)).whenInvoking(id, w -> w.makeDefault(true))
                .expectEvents(new WorkspaceDefaultChangedEvent(workspaceId, true));
    }

    @Test
    void aUserIsAMemberAtMostOnce() {
        fixture.given(created(false), ownerAdded())
                .whenInvoking(id, w -> w.addMember(UUID.randomUUID(), owner, WorkspaceRole.VIEWER))
                .expectException(CommandRejectedException.class).expectExceptionMessage(
                        "The user is already a member of this workspace");
        fixture.given(created(false), ownerAdded())
                .whenInvoking(id, w -> w.addMember(adminship, admin, WorkspaceRole.ADMIN))
                .expectEvents(new WorkspaceMemberAddedEvent(workspaceId, adminship, admin, WorkspaceRole.ADMIN));
    }

    @Test
    void theLastOwnerCanBeNeitherDemotedNorRemoved() {
        fixture.given(created(false), ownerAdded())
                .when(new ChangeWorkspaceMemberRoleCommand(workspaceId, ownership, WorkspaceRole.ADMIN))
                .expectException(CommandRejectedException.class).expectExceptionMessage(
                        "The last owner of a workspace cannot be demoted");
        fixture.given(created(false), ownerAdded())
                .when(new RemoveWorkspaceMemberCommand(workspaceId, ownership))
                .expectException(CommandRejectedException.class);
        fixture.given(created(false), ownerAdded(),
                        new WorkspaceMemberAddedEvent(workspaceId, adminship, admin, WorkspaceRole.OWNER))
                .when(new ChangeWorkspaceMemberRoleCommand(workspaceId, ownership, WorkspaceRole.VIEWER))
                .expectEvents(new WorkspaceMemberRoleChangedEvent(workspaceId, ownership, owner, WorkspaceRole.OWNER,
                        WorkspaceRole.VIEWER));
    }

    @Test
    void removingAndChangingMembersNeedsAnExistingMembership() {
        fixture.given(created(false), ownerAdded(),
                        new WorkspaceMemberAddedEvent(workspaceId, adminship, admin, WorkspaceRole.ADMIN))
                .when(new RemoveWorkspaceMemberCommand(workspaceId, adminship))
                .expectEvents(new WorkspaceMemberRemovedEvent(workspaceId, adminship, admin, WorkspaceRole.ADMIN));
        fixture.given(created(false), ownerAdded())
                .when(new ChangeWorkspaceMemberRoleCommand(workspaceId, UUID.randomUUID(), WorkspaceRole.ADMIN))
                .expectException(CommandRejectedException.class);
        fixture.given(created(false), ownerAdded())
                .when(new ChangeWorkspaceMemberRoleCommand(workspaceId, ownership, WorkspaceRole.OWNER))
                .expectNoEvents();
    }

    private final UUID teamId = UUID.randomUUID();

    private TeamCreatedEvent team(String name) {
        return new TeamCreatedEvent(workspaceId, teamId, name, null);
    }

    @Test
    void teamNamesAreUniquePerWorkspaceIgnoringCase() {
        fixture.given(created(false), ownerAdded(), team("Ops"))
                .when(new CreateTeamCommand(workspaceId, UUID.randomUUID(), " ops ", "dup"))
                .expectException(CommandRejectedException.class).expectExceptionMessage(
                        "A team with this name already exists in the workspace");
        UUID other = UUID.randomUUID();
        fixture.given(created(false), ownerAdded(), team("Ops"))
                .when(new CreateTeamCommand(workspaceId, other, " Database ", null))
                .expectEvents(new TeamCreatedEvent(workspaceId, other, "Database", null));
        fixture.given(created(false), ownerAdded(), team("Ops"))
                .when(new UpdateTeamCommand(workspaceId, teamId, "OPS", "renamed in case only"))
                .expectEvents(new TeamUpdatedEvent(workspaceId, teamId, new Details("Ops", null),
                        new Details("OPS", "renamed in case only")));
    }

    @Test
    void onlyWorkspaceMembersJoinTeamsAndOnlyOnce() {
        fixture.given(created(false), ownerAdded(), team("Ops"))
                .when(new AddTeamMemberCommand(workspaceId, teamId, UUID.randomUUID()))
                .expectException(CommandRejectedException.class).expectExceptionMessage(
                        "Only members of the workspace can join its teams");
        fixture.given(created(false), ownerAdded(), team("Ops"))
                .when(new AddTeamMemberCommand(workspaceId, teamId, owner))
                .expectEvents(new TeamMemberAddedEvent(workspaceId, teamId, owner));
        fixture.given(created(false), ownerAdded(), team("Ops"), new TeamMemberAddedEvent(workspaceId, teamId, owner))
                .when(new AddTeamMemberCommand(workspaceId, teamId, owner))
                .expectException(CommandRejectedException.class);
        fixture.given(created(false), ownerAdded())
                .when(new AddTeamMemberCommand(workspaceId, UUID.randomUUID(), owner))
                .expectException(CommandRejectedException.class).expectNoEvents();
    }

    @Test
    void leavingTheWorkspaceLeavesItsTeamsInTheSameDecision() {
        fixture.given(created(false), ownerAdded(),
                        new WorkspaceMemberAddedEvent(workspaceId, adminship, admin, WorkspaceRole.ADMIN),
                        team("Ops"), new TeamMemberAddedEvent(workspaceId, teamId, admin))
                .when(new RemoveWorkspaceMemberCommand(workspaceId, adminship))
                .expectEvents(new TeamMemberRemovedEvent(workspaceId, teamId, admin),
                        new WorkspaceMemberRemovedEvent(workspaceId, adminship, admin, WorkspaceRole.ADMIN));
    }

    @Test
    void teamsOfAnArchivedWorkspaceCannotChange() {
        fixture.given(created(false), ownerAdded(), team("Ops"), new WorkspaceArchivedEvent(workspaceId))
                .when(new DeleteTeamCommand(workspaceId, teamId))
                .expectException(CommandRejectedException.class);
        fixture.given(created(false), ownerAdded(), team("Ops"))
                .when(new DeleteTeamCommand(workspaceId, teamId))
                .expectEvents(new TeamDeletedEvent(workspaceId, teamId, "Ops"));
        fixture.given(created(false), ownerAdded(), team("Ops"))
                .when(new RemoveTeamMemberCommand(workspaceId, teamId, owner))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void repairRemovesTeamMembershipsOfFormerWorkspaceMembersOnly() {
        // a history recorded before leaving the workspace removed team memberships (e.g. imported data)
        fixture.given(created(false), ownerAdded(),
                        new WorkspaceMemberAddedEvent(workspaceId, adminship, admin, WorkspaceRole.ADMIN),
                        team("Ops"), new TeamMemberAddedEvent(workspaceId, teamId, admin),
                        new TeamMemberAddedEvent(workspaceId, teamId, owner),
                        new WorkspaceMemberRemovedEvent(workspaceId, adminship, admin, WorkspaceRole.ADMIN))
                .when(new RepairTeamMembershipsCommand(workspaceId))
                .expectEvents(new TeamMemberRemovedEvent(workspaceId, teamId, admin));
        fixture.given(created(false), ownerAdded(), team("Ops"), new TeamMemberAddedEvent(workspaceId, teamId, owner))
                .when(new RepairTeamMembershipsCommand(workspaceId))
                .expectNoEvents();
    }
}
