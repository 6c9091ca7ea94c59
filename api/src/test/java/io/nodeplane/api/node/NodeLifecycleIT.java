package io.nodeplane.api.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What operators do to nodes: rename, team, maintenance, delete; scoped and audited. */
class NodeLifecycleIT extends NodeSupport {

    @Test
    void ownersRenameAssignAndMaintainNodesAndEveryChangeIsAudited() {
        Fleet f = fleet("Ops");
        String base = "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId();
        UUID team = createTeam(f.owner().token(), f.workspace(), "blue");

        patch(f.owner().token(), base, Map.of("name", "renamed-node", "description", "edge box")).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("renamed-node").jsonPath("$.description").isEqualTo("edge box");
        post(f.owner().token(), base + "/team", Map.of("teamId", team.toString())).expectStatus().isCreated()
                .expectBody().jsonPath("$.teamId").isEqualTo(team.toString()).jsonPath("$.teamName").isEqualTo("blue");
        post(f.owner().token(), base + "/maintenance/enable", Map.of("reason", "kernel upgrade")).expectStatus().isCreated()
                .expectBody().jsonPath("$.maintenanceMode").isEqualTo(true)
                .jsonPath("$.maintenanceReason").isEqualTo("kernel upgrade")
                .jsonPath("$.maintenanceByUserId").isEqualTo(f.owner().id().toString());
        post(f.owner().token(), base + "/maintenance/disable", Map.of()).expectStatus().isCreated()
                .expectBody().jsonPath("$.maintenanceMode").isEqualTo(false);
        assertThat(node(f.owner().token(), f.workspace(), f.nodeId())).containsEntry("rootAccessProfile", "off")
                .containsEntry("rootAccessSyncStatus", "pending");
        post(f.owner().token(), base + "/root-access", Map.of("profile", "operational")).expectStatus().isCreated()
                .expectBody().jsonPath("$.rootAccessProfile").isEqualTo("operational")
                .jsonPath("$.rootAccessSyncStatus").isEqualTo("pending")
                .jsonPath("$.rootAccessUpdatedByUserId").isEqualTo(f.owner().id().toString());
        post(f.owner().token(), base + "/root-access", Map.of("profile", "everything")).expectStatus().isBadRequest();
        post(f.viewer().token(), base + "/root-access", Map.of("profile", "all")).expectStatus().isForbidden();

        List<String> types = eventTypes(f.owner().token(), f.workspace(), f.nodeId());
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(f.owner().token(), f.workspace(), f.nodeId())
                .containsAll(List.of("node.registered", "node.maintenance.enabled", "node.maintenance.disabled")));
        assertThat(types).doesNotContain("high.cpu");

        // filters: team, status, text
        String nodes = "/api/v1/workspaces/" + f.workspace() + "/nodes";
        assertThat(list(f.viewer().token(), nodes + "?teamId=" + team)).extracting(n -> n.get("id")).containsExactly(f.nodeId().toString());
        assertThat(list(f.viewer().token(), nodes + "?status=online")).isEmpty();
        assertThat(list(f.viewer().token(), nodes + "?q=RENAMED")).hasSize(1);
        assertThat(list(f.viewer().token(), nodes + "?q=nothing-like-it")).isEmpty();
        get(f.viewer().token(), nodes + "?status=sleeping").expectStatus().isBadRequest();

        post(f.owner().token(), base + "/team", Map.of()).expectStatus().isCreated().expectBody().jsonPath("$.teamId").isEmpty();

        http.delete().uri(base).headers(h -> h.setBearerAuth(f.owner().token())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deleted").isEqualTo(true).jsonPath("$.id").isEqualTo(f.nodeId().toString());
        get(f.owner().token(), base).expectStatus().isNotFound();
        heartbeat(f.agent()).expectStatus().isUnauthorized(); // the credential went with the node

        await().atMost(Duration.ofSeconds(10)).until(() -> actions(f).containsAll(List.of("node.registered",
                "node.updated", "node.team.updated", "node.maintenance.enabled", "node.maintenance.disabled",
                "node.root-access.updated", "node.deleted", "enrollment.approved")));
        Map<String, Object> deleted = audit(f).stream().filter(e -> "node.deleted".equals(e.get("action"))).findFirst()
                .orElseThrow();
        assertThat(deleted).containsEntry("actorUserId", f.owner().id().toString()).containsEntry("targetType", "node")
                .containsEntry("targetId", f.nodeId().toString());
    }

    @Test
    void rolesScopeAndArchivedWorkspacesAreEnforced() {
        Fleet f = fleet("Guard");
        String base = "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId();
        assertThat(node(f.viewer().token(), f.workspace(), f.nodeId())).containsEntry("id", f.nodeId().toString());
        patch(f.viewer().token(), base, Map.of("name", "nope")).expectStatus().isForbidden();
        post(f.viewer().token(), base + "/maintenance/enable", Map.of()).expectStatus().isForbidden();
        Person outsider = person("outsider");
        get(outsider.token(), base).expectStatus().isNotFound();
        get(outsider.token(), "/api/v1/workspaces/" + f.workspace() + "/metrics").expectStatus().isNotFound();
        get(outsider.token(), "/api/v1/workspaces/" + f.workspace() + "/events").expectStatus().isNotFound();
        get(f.owner().token(), "/api/v1/nodes").expectStatus().isForbidden(); // legacy routes: platform admins only

        // another workspace's node and team do not exist from here
        Fleet other = fleet("Other");
        get(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + other.nodeId()).expectStatus().isNotFound();
        patch(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + other.nodeId(), Map.of("name", "steal"))
                .expectStatus().isNotFound();
        UUID otherTeam = createTeam(other.owner().token(), other.workspace(), "red");
        post(f.owner().token(), base + "/team", Map.of("teamId", otherTeam.toString())).expectStatus().isNotFound();
        assertThat(node(other.owner().token(), other.workspace(), other.nodeId()).get("name")).isEqualTo("Other-node");

        patch(f.owner().token(), base, Map.of("name", "x")).expectStatus().isBadRequest();
        patch(f.owner().token(), base, Map.of("hostname", "moved")).expectStatus().isBadRequest();

        patch(adminToken(), "/api/v1/workspaces/" + f.workspace(), Map.of("isArchived", true)).expectStatus().isOk();
        patch(f.owner().token(), base, Map.of("name", "frozen")).expectStatus().isEqualTo(409);
        post(f.owner().token(), base + "/maintenance/enable", Map.of()).expectStatus().isEqualTo(409);
        http.delete().uri(base).headers(h -> h.setBearerAuth(f.owner().token())).exchange().expectStatus().isEqualTo(409);
        assertThat(node(f.viewer().token(), f.workspace(), f.nodeId()).get("name")).isEqualTo("Guard-node");
    }

    @Test
    void platformAdminsUseTheLegacyRoutesAcrossWorkspaces() {
        Fleet f = fleet("Legacy");
        String admin = adminToken();
        assertThat(list(admin, "/api/v1/nodes?q=" + f.hostname())).extracting(n -> n.get("id"))
                .containsExactly(f.nodeId().toString());
        http.post().uri("/api/v1/nodes/" + f.nodeId() + "/maintenance/enable").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "audit")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.maintenanceMode").isEqualTo(true);
        http.delete().uri("/api/v1/nodes/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void workspaceSearchFindsThisWorkspacesNodesAndTheirEvents() {
        Fleet mine = fleet("Findable");
        Fleet theirs = fleet("Findable");
        String search = "/api/v1/workspaces/" + mine.workspace() + "/search?q=";
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventTypes(mine.owner().token(), mine.workspace(),
                mine.nodeId()).isEmpty());
        get(mine.viewer().token(), search + "FINDABLE-NODE").expectStatus().isOk().expectBody()
                .jsonPath("$.nodes.length()").isEqualTo(1)
                .jsonPath("$.nodes[0].id").isEqualTo(mine.nodeId().toString())
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].type").isEqualTo("node.registered");
        get(mine.viewer().token(), search + theirs.hostname()).expectStatus().isOk().expectBody()
                .jsonPath("$.nodes.length()").isEqualTo(0).jsonPath("$.events.length()").isEqualTo(0);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private List<Map<String, Object>> audit(Fleet f) {
        return list(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/audit-logs?limit=100");
    }

    private List<Object> actions(Fleet f) {
        return audit(f).stream().map(e -> e.get("action")).toList();
    }
}
