package io.nodeplane.api.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TeamIT extends WorkspaceSupport {


    @Test
    void teamsHaveUniqueNamesAndOnlyWorkspaceMembers() {
        String admin = adminToken();
        UUID ws = createWorkspace(admin, unique("Teams"));
        String teams = "/api/v1/workspaces/" + ws + "/teams";
        post(admin, teams, Map.of("name", "Database", "description", "DB on-call")).expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("Database").jsonPath("$.memberCount").isEqualTo(0)
                .jsonPath("$.workspaceId").isEqualTo(ws.toString());
        post(admin, teams, Map.of("name", "DATABASE")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("TEAM_NAME_TAKEN");
        post(admin, teams, Map.of("name", " ")).expectStatus().isBadRequest();

        UUID team = createTeam(admin, ws, "Network");
        Person outsider = person("outsider");
        post(admin, teams + "/" + team + "/members", Map.of("userId", outsider.id().toString())).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.code").isEqualTo("NOT_A_WORKSPACE_MEMBER");
        Person member = person("member");
        addMember(admin, ws, member.id(), "member");
        post(admin, teams + "/" + team + "/members", Map.of("userId", member.id().toString())).expectStatus()
                .isCreated().expectBody().jsonPath("$.userEmail").isEqualTo(member.email());
        post(admin, teams + "/" + team + "/members", Map.of("userId", member.id().toString())).expectStatus()
                .isEqualTo(409);
        http.get().uri(teams + "/" + team + "/members").headers(h -> h.setBearerAuth(member.token())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        http.get().uri(teams).headers(h -> h.setBearerAuth(member.token())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == 'Network')].memberCount").isEqualTo(1);
    }

    @Test
    void leavingTheWorkspaceRemovesTheUserFromItsTeams() {
        String admin = adminToken();
        UUID ws = createWorkspace(admin, unique("Leavers"));
        Person member = person("leaver");
        UUID membership = addMember(admin, ws, member.id(), "member");
        UUID a = createTeam(admin, ws, "A");
        UUID b = createTeam(admin, ws, "B");
        addTeamMember(admin, ws, a, member.id());
        addTeamMember(admin, ws, b, member.id());

        http.delete().uri("/api/v1/workspaces/" + ws + "/members/" + membership).headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.deleted").isEqualTo(true);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (UUID team : List.of(a, b)) {
                http.get().uri("/api/v1/workspaces/" + ws + "/teams/" + team + "/members")
                        .headers(h -> h.setBearerAuth(admin)).exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
            }
        });
        String events = DB.queryString("SELECT string_agg(payload_type, ',' ORDER BY global_index) FROM domain_event_entry "
                + "WHERE aggregate_identifier = '" + ws + "' AND payload_type LIKE '%Removed%'");
        assertThat(events.split(",")).containsExactly("io.nodeplane.events.workspace.TeamMemberRemovedEvent",
                "io.nodeplane.events.workspace.TeamMemberRemovedEvent",
                "io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent");
    }

    @Test
    void anotherWorkspacesTeamIsNotFoundThroughThisWorkspace() {
        String admin = adminToken();
        UUID a = createWorkspace(admin, unique("A"));
        UUID b = createWorkspace(admin, unique("B"));
        UUID bTeam = createTeam(admin, b, "Secret");
        String viaA = "/api/v1/workspaces/" + a + "/teams/" + bTeam;
        http.get().uri(viaA + "/members").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
        http.patch().uri(viaA).headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Stolen")).exchange().expectStatus().isNotFound();
        http.delete().uri(viaA).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/workspaces/" + b + "/teams").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectBody().jsonPath("$[0].name").isEqualTo("Secret");
    }

    @Test
    void deletingATeamRemovesItAndItsMemberships() {
        String admin = adminToken();
        UUID ws = createWorkspace(admin, unique("Deleting"));
        Person member = person("member");
        addMember(admin, ws, member.id(), "viewer");
        UUID team = createTeam(admin, ws, "Temp");
        addTeamMember(admin, ws, team, member.id());
        http.delete().uri("/api/v1/workspaces/" + ws + "/teams/" + team).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            http.get().uri("/api/v1/workspaces/" + ws + "/teams").headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectBody().jsonPath("$.length()").isEqualTo(0);
            assertThat(DB.queryLong("SELECT count(*) FROM team_membership_view WHERE team_id = '" + team + "'")).isZero();
        });
    }
}
