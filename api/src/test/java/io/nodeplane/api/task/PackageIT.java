package io.nodeplane.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Package operations are tasks: reads wait for the agent's answer, changes answer 202 (contract §1.6, §3.1). */
class PackageIT extends TaskSupport {

    /** Plays the agent for one task: claim it, start it, complete it with {@code result}. */
    private CompletableFuture<Map<String, Object>> agentAnswers(Agent agent, Map<String, Object> result) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Object> task = map(claim(agent, 10_000).get("task"));
            UUID id = UUID.fromString((String) task.get("id"));
            agentPost(agent, "/" + id + "/started", transition(id)).expectStatus().isOk();
            agentPost(agent, "/" + id + "/completed", Map.of("status", "success", "exitCode", 0, "result", result,
                    "durationMs", 40)).expectStatus().isOk();
            return task;
        });
    }

    @Test
    void listingAndSearchingWaitForTheAgentsAnswer() throws Exception {
        Fleet f = fleet("Pkgs");
        String base = "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/packages";
        CompletableFuture<Map<String, Object>> agent = agentAnswers(f.agent(), Map.of("packages",
                List.of(Map.of("name", "curl", "version", "8.5.0"))));
        Map<String, Object> listed = map(http.get().uri(base).headers(h -> h.setBearerAuth(f.viewer().token())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(listed).containsEntry("taskStatus", "success").containsEntry("operation", "packageList")
                .containsEntry("error", null);
        assertThat((List<?>) listed.get("packages")).hasSize(1);
        Map<String, Object> probe = agent.get(15, TimeUnit.SECONDS);
        assertThat(probe).containsEntry("type", "packageList").containsEntry("isInternal", true);
        String tasks = "/api/v1/workspaces/" + f.workspace() + "/tasks?nodeId=" + f.nodeId();
        assertThat(list(f.owner().token(), tasks)).as("internal probes stay out of the list").isEmpty();
        assertThat(list(f.owner().token(), tasks + "&includeInternal=true")).extracting(t -> t.get("id"))
                .contains(probe.get("id"));

        agent = agentAnswers(f.agent(), Map.of("results", List.of(Map.of("name", "nginx"))));
        Map<String, Object> found = map(http.get().uri(base + "/search?term=nginx").headers(h -> h.setBearerAuth(f.owner().token()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(found).containsEntry("term", "nginx").containsEntry("taskStatus", "success");
        assertThat(map(agent.get(15, TimeUnit.SECONDS).get("payload"))).containsEntry("term", "nginx");

        Map<String, Object> unanswered = map(http.get().uri(base).headers(h -> h.setBearerAuth(f.owner().token())).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(unanswered).containsEntry("taskStatus", "queued").containsEntry("operation", "packageList")
                .containsKey("taskId");
    }

    @Test
    void changesNeedOperationalRootAndAnOwnerOrAdmin() {
        Fleet f = fleet("PkgChange");
        String base = "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/packages";
        post(f.owner().token(), base, Map.of("names", List.of("htop"))).expectStatus().isBadRequest();
        post(f.viewer().token(), base, Map.of("names", List.of("htop"))).expectStatus().isForbidden();
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/root-access",
                Map.of("profile", "operational")).expectStatus().isCreated();
        agentPost(f.agent(), "/claim", Map.of("maxTasks", 1, "waitMs", 0, "rootAccess", Map.of("appliedProfile",
                "operational"))).expectStatus().isOk();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> "operational".equals(
                node(f.owner().token(), f.workspace(), f.nodeId()).get("rootAccessAppliedProfile")));
        post(f.owner().token(), base, Map.of("names", List.of("htop"))).expectStatus().isAccepted().expectBody()
                .jsonPath("$.operation").isEqualTo("packageInstall").jsonPath("$.taskStatus").isEqualTo("queued");
        Map<String, Object> install = map(claim(f.agent(), 0).get("task"));
        assertThat(map(install.get("payload"))).containsEntry("names", List.of("htop")).containsEntry("purge", false);
        http.delete().uri(base + "/htop?purge=true").headers(h -> h.setBearerAuth(f.owner().token())).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.operation").isEqualTo("packagePurge");
        Map<String, Object> purge = map(claim(f.agent(), 0).get("task"));
        assertThat(map(purge.get("payload"))).containsEntry("package", "htop").containsEntry("purge", true);
    }

    @Test
    void taskFlowDiagnosticsAreForPlatformAdminsAndNeverCached() {
        Fleet f = fleet("Diag");
        claim(f.agent(), 0);
        http.get().uri("/api/v1/diagnostics/task-flow").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/diagnostics/task-flow").headers(h -> h.setBearerAuth(f.owner().token())).exchange()
                .expectStatus().isForbidden();
        Map<String, Object> flow = map(http.get().uri("/api/v1/diagnostics/task-flow").headers(h -> h.setBearerAuth(adminToken()))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(flow).containsEntry("source", "agent-task-flow").containsKey("fetchedAt");
        assertThat(map(flow.get("claimCounters")).get("task.claim.attempted")).isInstanceOf(Number.class);
        assertThat(((Number) map(flow.get("claimCounters")).get("task.claim.attempted")).longValue()).isPositive();
        assertThat(map(flow.get("queue"))).containsKeys("queued", "running");
        assertThat(map(flow.get("health"))).containsKey("lastClaimAt").containsEntry("realtimeConnected", false);
    }
}
