package io.nodeplane.api.workspace;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchIT extends WorkspaceSupport {

    @Test
    void findsMembersAndTeamsOfThisWorkspaceOnlyPrefixMatchesFirst() {
        String admin = adminToken();
        UUID mine = createWorkspace(admin, unique("Searchable"));
        UUID other = createWorkspace(admin, unique("Elsewhere"));
        Person member = person("zebra");
        addMember(admin, mine, member.id(), "viewer");
        createTeam(admin, mine, "Kafka brokers");
        createTeam(admin, mine, "Brokers of kafka");
        createTeam(admin, other, "Kafka secret");
        String search = "/api/v1/workspaces/" + mine + "/search?q=";

        http.get().uri(search + "KAFKA").headers(h -> h.setBearerAuth(member.token())).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.query").isEqualTo("KAFKA")
                .jsonPath("$.teams.length()").isEqualTo(2)
                .jsonPath("$.teams[0].name").isEqualTo("Kafka brokers")
                .jsonPath("$.teams[1].name").isEqualTo("Brokers of kafka")
                .jsonPath("$.nodes.length()").isEqualTo(0)
                .jsonPath("$.tasks.length()").isEqualTo(0)
                .jsonPath("$.scheduledTasks.length()").isEqualTo(0)
                .jsonPath("$.events.length()").isEqualTo(0);
        http.get().uri(search + "zebra").headers(h -> h.setBearerAuth(member.token())).exchange().expectBody()
                .jsonPath("$.members.length()").isEqualTo(1)
                .jsonPath("$.members[0].userEmail").isEqualTo(member.email());
        http.get().uri(search + "kafka&limit=1").headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                .jsonPath("$.teams.length()").isEqualTo(1);
        http.get().uri(search + "secret").headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                .jsonPath("$.teams.length()").isEqualTo(0);
        // from three characters on a term matches inside names too; a shorter one matches their beginnings only
        http.get().uri(search + "bro").headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                .jsonPath("$.teams.length()").isEqualTo(2)
                .jsonPath("$.teams[0].name").isEqualTo("Brokers of kafka")
                .jsonPath("$.teams[1].name").isEqualTo("Kafka brokers");
        http.get().uri(search + "br").headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                .jsonPath("$.teams.length()").isEqualTo(1)
                .jsonPath("$.teams[0].name").isEqualTo("Brokers of kafka");
        http.get().uri(search + "ka").headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                .jsonPath("$.teams.length()").isEqualTo(1)
                .jsonPath("$.teams[0].name").isEqualTo("Kafka brokers");
        // '%' and '_' are matched literally, not as patterns that would match everything
        http.get().uri(b -> b.path("/api/v1/workspaces/" + mine + "/search").queryParam("q", "{q}").build("%"))
                .headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                .jsonPath("$.teams.length()").isEqualTo(0).jsonPath("$.members.length()").isEqualTo(0);
    }

    @Test
    void needsAQueryAndMembership() {
        String admin = adminToken();
        UUID ws = createWorkspace(admin, unique("Guarded"));
        http.get().uri("/api/v1/workspaces/" + ws + "/search").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isBadRequest();
        http.get().uri(b -> b.path("/api/v1/workspaces/" + ws + "/search").queryParam("q", "{q}").build("  "))
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isBadRequest();
        Person outsider = person("outsider");
        http.get().uri("/api/v1/workspaces/" + ws + "/search?q=a").headers(h -> h.setBearerAuth(outsider.token()))
                .exchange().expectStatus().isNotFound();
    }
}
