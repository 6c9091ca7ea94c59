package io.nodeplane.command.workspace;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceRole;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private final UUID workspaceId = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final UUID membership = UUID.randomUUID();
    private FixtureConfiguration<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
    }

    private CreateWorkspaceCommand create(String slug, String zone) {
        return new CreateWorkspaceCommand(workspaceId, "Default Workspace", slug, zone, true, owner, owner, membership);
    }

    @Test
    void createsTheWorkspaceAndMakesTheCreatorItsOwner() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Workspace(create("default", "Europe/Istanbul")))
                .expectEvents(
                        new WorkspaceCreatedEvent(workspaceId, "Default Workspace", "default", "Europe/Istanbul", true, owner),
                        new WorkspaceMemberAddedEvent(workspaceId, membership, owner, WorkspaceRole.OWNER));
    }

    @Test
    void aWorkspaceCreatedByTheSystemHasNoOwnerYetAndDefaultsToUtc() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Workspace(
                        new CreateWorkspaceCommand(workspaceId, "Ops", "ops", null, false, null, null, null)))
                .expectEvents(new WorkspaceCreatedEvent(workspaceId, "Ops", "ops", "UTC", false, null));
    }

    @Test
    void rejectsASlugThatIsNotLowerCaseWordsJoinedByDashes() {
        assertThatThrownBy(() -> new Workspace(create("Not A Slug", "UTC"))).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("slug");
        assertThatThrownBy(() -> new Workspace(create("trailing-", "UTC"))).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void rejectsATimezoneThatIsNotAnIanaZone() {
        assertThatThrownBy(() -> new Workspace(create("default", "Mars/Olympus")))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("IANA");
    }
}
