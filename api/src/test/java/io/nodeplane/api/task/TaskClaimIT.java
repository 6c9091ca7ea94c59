package io.nodeplane.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.agent.ClaimWaiters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/** Contract scenarios 9 and 13: the long-poll claim, its arbitration, and what keeps work from a node. */
class TaskClaimIT extends TaskSupport {

    @Autowired
    private ClaimWaiters waiters;
    @Autowired
    private JdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    @Test
    void anEmptyClaimWaitsForWaitMsThenAnswersNull() {
        Fleet f = fleet("Idle");
        long started = System.nanoTime();
        Map<String, Object> answer = claim(f.agent(), 300);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(answer).containsEntry("task", null).containsEntry("outputTruncated", false);
        assertThat(map(answer.get("rootAccess"))).containsEntry("profile", "off");
    }

    @Test
    void aWaitingClaimGetsATaskQueuedDuringItsWait() throws Exception {
        Fleet f = fleet("Waiting");
        int before = waiters.waiting();
        CompletableFuture<Map<String, Object>> pending = CompletableFuture.supplyAsync(() -> claim(f.agent(), 10_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() > before);
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), "hostname");
        Map<String, Object> task = map(pending.get(15, TimeUnit.SECONDS).get("task"));
        assertThat(task).as("the claim started before the task existed, so only the wake signal can have delivered it")
                .containsEntry("id", taskId.toString()).containsEntry("status", "accepted")
                .containsEntry("claimedBy", f.nodeId().toString()).containsEntry("type", "shell.exec");
        assertThat(map(task.get("payload"))).containsEntry("command", "hostname");
        assertThat(Duration.between(Instant.now(), Instant.parse((String) task.get("leaseUntil"))).toSeconds())
                .isBetween(50L, 61L);
    }

    @Test
    void agentsWithoutValidHeadersAreRejectedWithTheContractsMessages() {
        Fleet f = fleet("Headers");
        http.post().uri("/api/v1/agent/tasks/claim").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("waitMs", 0))
                .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.message")
                .isEqualTo("x-agent-node-id and Authorization: Bearer <agent-token> are required");
        agentPost(new Agent(f.nodeId(), "0".repeat(64)), "/claim", Map.of("waitMs", 0)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.message").isEqualTo("Invalid agent credentials");
        agentPost(f.agent(), "/claim", Map.of("waitMs", 0, "surprise", true)).expectStatus().isBadRequest();
    }

    @Test
    void aClaimWithABadBodyGetsAPreciseAnswerAndClaimsNothing() {
        Fleet f = fleet("Bodies");
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), "uptime");
        badClaim(f.agent(), MediaType.APPLICATION_JSON, "{\"waitMs\": 0,").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_JSON");
        badClaim(f.agent(), MediaType.APPLICATION_JSON, "{\"waitMs\": 0, \"surprise\": 1}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_PROPERTY")
                .jsonPath("$.message").isEqualTo("property surprise should not exist");
        badClaim(f.agent(), MediaType.APPLICATION_JSON, "{\"waitMs\": \"soon\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_FIELD").jsonPath("$.message").isEqualTo("waitMs has the wrong type");
        badClaim(f.agent(), MediaType.APPLICATION_JSON, "{\"waitMs\": 0, \"rootAccess\": {\"appliedProfile\": \""
                + "x".repeat(40) + "\"}}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0]").isEqualTo("rootAccess.appliedProfile size must be between 0 and 32");
        badClaim(f.agent(), MediaType.TEXT_PLAIN, "waitMs=0").expectStatus().isEqualTo(415);
        badClaim(f.agent(), MediaType.APPLICATION_JSON, "{\"waitMs\": 0, \"capabilities\": \"" + "x".repeat(MAX_BODY_BYTES)
                + "\"}").expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
        // a bad body is judged before the credentials, as on every other route
        http.post().uri("/api/v1/agent/tasks/claim").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"waitMs\": 0,")
                .exchange().expectStatus().isBadRequest();
        // none of them claimed the task: the next good claim does
        assertThat(map(claim(f.agent(), 0).get("task"))).containsEntry("id", taskId.toString());
    }

    private ResponseSpec badClaim(Agent agent, MediaType type, String body) {
        return http.post().uri("/api/v1/agent/tasks/claim").contentType(type)
                .header("Authorization", "Bearer " + agent.token()).header("x-agent-node-id", agent.nodeId().toString())
                .bodyValue(body).exchange();
    }

    @Test
    void concurrentClaimersNeverShareATaskAndLoseNone() throws Exception {
        Fleet f = fleet("Race");
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(queue(f.owner().token(), f.workspace(), f.nodeId(), "echo " + i));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> claimers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                claimers.add(CompletableFuture.runAsync(() -> {
                    for (int attempts = 0; attempts < 40; attempts++) {
                        Object task = claim(f.agent(), 200).get("task");
                        if (task == null) {
                            return;
                        }
                        claimed.add((String) map(task).get("id"));
                    }
                }, pool));
            }
            CompletableFuture.allOf(claimers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimed).as("each task handed out exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(queued.stream().map(UUID::toString).toList());
    }

    @Test
    void aClaimWhoseConnectionClosesStopsWaitingAtOnce() {
        Fleet f = fleet("Hangup");
        int before = waiters.waiting();
        Disposable claim = WebClient.create("http://localhost:" + port).post().uri("/api/v1/agent/tasks/claim")
                .header("Authorization", "Bearer " + f.agent().token()).header("x-agent-node-id", f.nodeId().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("maxTasks", 1, "waitMs", 30_000))
                .retrieve().bodyToMono(String.class).subscribe();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() == before + 1);
        claim.dispose();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() == before);
    }

    @Test
    void maintenanceKeepsWorkFromTheNodeAndBlocksNewTasks() {
        Fleet f = fleet("Maintained");
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), "uname -a");
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/maintenance/enable",
                Map.of("reason", "kernel upgrade")).expectStatus().isCreated();
        assertThat(claim(f.agent(), 0).get("task")).as("queued work stays queued during maintenance").isNull();
        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "id")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .endsWith("is in maintenance mode and cannot accept new work."));
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/maintenance/disable",
                Map.of()).expectStatus().isCreated();
        assertThat(map(claim(f.agent(), 0).get("task")).get("id")).isEqualTo(taskId.toString());
    }

    @Test
    void aNodeWithoutStoredFactsIsJudgedByItsOwnEvents() {
        Fleet f = fleet("Veteran");
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/maintenance/enable",
                Map.of("reason", "disk swap")).expectStatus().isCreated();
        // as for a node registered before node_facts existed
        assertThat(jdbc.update("DELETE FROM node_facts WHERE node_id = ?", f.nodeId())).isEqualTo(1);

        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "id")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .endsWith("is in maintenance mode and cannot accept new work."));
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/maintenance/disable",
                Map.of()).expectStatus().isCreated();
        queue(f.owner().token(), f.workspace(), f.nodeId(), "id");
        assertThat(jdbc.queryForMap("SELECT workspace_id, maintenance FROM node_facts WHERE node_id = ?", f.nodeId()))
                .as("stored again by the command that needed them").containsEntry("workspace_id", f.workspace())
                .containsEntry("maintenance", false);

        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/maintenance/enable",
                Map.of("reason", "disk swap")).expectStatus().isCreated();
        assertThat(jdbc.queryForMap("SELECT maintenance, maintenance_reason FROM node_facts WHERE node_id = ?",
                f.nodeId())).as("kept in the transaction of the node's event").containsEntry("maintenance", true)
                .containsEntry("maintenance_reason", "disk swap");
    }

    @Test
    void rootTasksNeedTheProfileTheAgentHasApplied() {
        Fleet f = fleet("Rooted");
        String path = "/api/v1/workspaces/" + f.workspace() + "/tasks";
        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "id", "runAsRoot", true,
                "rootScope", "task")).expectStatus().isBadRequest().expectBody().jsonPath("$.message")
                .isEqualTo("Node Rooted-node does not currently allow task root access. Applied profile is off.");
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/root-access",
                Map.of("profile", "operational")).expectStatus().isCreated();
        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "apt-get update", "runAsRoot", true,
                "rootScope", "operational")).expectStatus().isBadRequest();
        // the agent reports the applied profile with its next claim
        agentPost(f.agent(), "/claim", Map.of("maxTasks", 1, "waitMs", 0, "rootAccess", Map.of("appliedProfile",
                "operational", "lastAppliedAt", "2026-11-23T10:00:00.000Z"))).expectStatus().isOk()
                .expectBody().jsonPath("$.rootAccess.profile").isEqualTo("operational");
        await().atMost(Duration.ofSeconds(15)).until(() -> "applied".equals(node(f.owner().token(), f.workspace(),
                f.nodeId()).get("rootAccessSyncStatus")));
        assertThat(node(f.owner().token(), f.workspace(), f.nodeId())).containsEntry("rootAccessAppliedProfile", "operational");
        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "apt-get update", "runAsRoot", true,
                "rootScope", "operational")).expectStatus().isCreated();
        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "rm -rf /", "runAsRoot", true,
                "rootScope", "operational")).expectStatus().isBadRequest().expectBody().jsonPath("$.code")
                .isEqualTo("ROOT_COMMAND_NOT_ALLOWED");
        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "id", "runAsRoot", true))
                .expectStatus().isBadRequest();
        post(f.owner().token(), path, Map.of("nodeId", f.nodeId().toString(), "type", "packageInstall",
                "payload", Map.of("names", List.of("curl")))).expectStatus().isCreated();
        post(f.owner().token(), path, Map.of("nodeId", f.nodeId().toString(), "type", "packageInstall",
                "payload", Map.of("names", List.of("curl; reboot")))).expectStatus().isBadRequest();
    }

    @Test
    void rolesArchiveAndForeignNodesDecideWhoMayQueueWhat() {
        Fleet f = fleet("Roles");
        Fleet other = fleet("Foreign");
        Person member = person("member");
        addMember(adminToken(), f.workspace(), member.id(), "member");
        createTask(member.token(), f.workspace(), f.nodeId(), Map.of("command", "w")).expectStatus().isCreated();
        createTask(f.viewer().token(), f.workspace(), f.nodeId(), Map.of("command", "w")).expectStatus().isForbidden();
        createTask(other.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "w")).expectStatus().isNotFound();
        createTask(f.owner().token(), f.workspace(), other.nodeId(), Map.of("command", "w")).expectStatus().isNotFound();
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks", Map.of("nodeId", f.nodeId().toString(),
                "type", "format.disk", "payload", Map.of())).expectStatus().isBadRequest();

        long events = storedEvents();
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks/batch", Map.of("nodeIds",
                List.of(f.nodeId().toString(), other.nodeId().toString()), "type", "shell.exec",
                "payload", Map.of("command", "w"))).expectStatus().isNotFound();
        assertThat(storedEvents()).as("a batch with a foreign node stores nothing").isEqualTo(events);
        List<Map<String, Object>> batch = http.post().uri("/api/v1/workspaces/" + f.workspace() + "/tasks/batch")
                .headers(h -> h.setBearerAuth(f.owner().token())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nodeIds", List.of(f.nodeId().toString()), "type", "packageList"))
                .exchange().expectStatus().isCreated().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> map(m)).toList();
        assertThat(batch).singleElement().satisfies(t -> assertThat(t).containsEntry("status", "queued"));

        patch(adminToken(), "/api/v1/workspaces/" + f.workspace(), Map.of("isArchived", true)).expectStatus().isOk();
        createTask(f.owner().token(), f.workspace(), f.nodeId(), Map.of("command", "w")).expectStatus().isEqualTo(409);
        patch(adminToken(), "/api/v1/workspaces/" + f.workspace(), Map.of("isArchived", false)).expectStatus().isOk();
    }

    @Test
    void aTeamRunQueuesOneTaskPerEligibleNodeAndListsTheSkippedOnes() {
        Fleet a = fleet("TeamA");
        String admin = adminToken();
        UUID team = createTeam(a.owner().token(), a.workspace(), unique("web"));
        post(a.owner().token(), "/api/v1/workspaces/" + a.workspace() + "/nodes/" + a.nodeId() + "/team",
                Map.of("teamId", team.toString())).expectStatus().isCreated();
        Agent second = register(host("team-b"));
        post(admin, "/api/v1/nodes/" + second.nodeId() + "/team", Map.of("teamId", team.toString()))
                .expectStatus().is4xxClientError(); // a node of another workspace cannot join this team
        Map<String, Object> run = map(post(a.owner().token(), "/api/v1/workspaces/" + a.workspace() + "/tasks/teams/" + team,
                Map.of("type", "shell.exec", "payload", Map.of("command", "uptime"))).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(run).containsEntry("createdCount", 1).containsEntry("skippedCount", 0);
        Map<String, Object> created = map(((List<?>) run.get("created")).get(0));
        assertThat(created).containsEntry("nodeId", a.nodeId().toString()).containsEntry("targetTeamId", team.toString());

        post(a.owner().token(), "/api/v1/workspaces/" + a.workspace() + "/nodes/" + a.nodeId() + "/maintenance/enable",
                Map.of()).expectStatus().isCreated();
        Map<String, Object> skipped = map(post(a.owner().token(), "/api/v1/workspaces/" + a.workspace() + "/tasks/teams/"
                + team, Map.of("type", "shell.exec", "payload", Map.of("command", "uptime"))).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(skipped).containsEntry("createdCount", 0);
        assertThat(map(((List<?>) skipped.get("skipped")).get(0))).containsEntry("reason", "maintenance")
                .containsEntry("nodeId", a.nodeId().toString());
        post(a.owner().token(), "/api/v1/workspaces/" + a.workspace() + "/tasks/teams/" + UUID.randomUUID(),
                Map.of("type", "shell.exec", "payload", Map.of("command", "uptime"))).expectStatus().isNotFound();
        assertThat(list(a.viewer().token(), "/api/v1/workspaces/" + a.workspace() + "/tasks?teamId=" + team))
                .isNotEmpty();
    }

    @Test
    void platformAdminRoutesQueueAndReadTasksInAnyWorkspace() {
        Fleet f = fleet("Legacy");
        String admin = adminToken();
        http.post().uri("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("nodeId",
                f.nodeId().toString(), "type", "shell.exec", "payload", Map.of("command", "id"))).exchange()
                .expectStatus().isUnauthorized();
        post(f.owner().token(), "/api/v1/tasks", Map.of("nodeId", f.nodeId().toString(), "type", "shell.exec",
                "payload", Map.of("command", "id"))).expectStatus().isForbidden();
        Map<String, Object> task = map(post(admin, "/api/v1/tasks", Map.of("nodeId", f.nodeId().toString(), "type",
                "shell.exec", "payload", Map.of("command", "id"))).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody());
        assertThat(task).containsEntry("workspaceId", f.workspace().toString()).containsEntry("status", "queued");
        String id = (String) task.get("id");
        Map<?, ?> claimed = map(claim(f.agent(), 0).get("task"));
        assertThat(claimed.get("id")).isEqualTo(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> "accepted".equals(http.get().uri("/api/v1/tasks/" + id)
                .headers(h -> h.setBearerAuth(admin)).exchange().returnResult(Map.class).getResponseBody().blockFirst()
                .get("status")));
        assertThat(list(admin, "/api/v1/tasks?nodeId=" + f.nodeId())).extracting(t -> t.get("id")).contains(id);
    }
}
