package io.nodeplane.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contract scenarios 10–12: the agent lifecycle over HTTP, its guards, and cancellation. */
class TaskLifecycleIT extends TaskSupport {

    @Test
    void happyPathIsVisibleInTheTaskItsLogsTheEventsAndTheAuditLog() {
        Fleet f = fleet("Happy");
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), "hostname");
        Map<String, Object> claimed = map(claim(f.agent(), 0).get("task"));
        assertThat(claimed.get("id")).isEqualTo(taskId.toString());

        agentPost(f.agent(), "/" + taskId + "/accepted", transition(taskId)).expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true).jsonPath("$.duplicate").isEqualTo(true)
                .jsonPath("$.taskId").isEqualTo(taskId.toString());
        agentPost(f.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("running")
                .jsonPath("$.startedAt").isEqualTo("2026-11-23T10:00:01Z");
        agentPost(f.agent(), "/" + taskId + "/logs", Map.of("taskId", taskId.toString(), "stream", "system",
                "line", "running shell.exec command via /bin/sh", "timestamp", "2026-11-23T10:00:01.100Z"))
                .expectStatus().isOk().expectBody().jsonPath("$.level").isEqualTo("info");
        agentPost(f.agent(), "/" + taskId + "/logs", Map.of("taskId", taskId.toString(), "stream", "stdout",
                "line", f.hostname(), "timestamp", "2026-11-23T10:00:01.200Z"))
                .expectStatus().isOk().expectBody().jsonPath("$.level").isEqualTo("stdout")
                .jsonPath("$.message").isEqualTo(f.hostname()).jsonPath("$.taskId").isEqualTo(taskId.toString());
        assertThat(task(f.viewer().token(), f.workspace(), taskId).get("output")).isEqualTo(f.hostname());
        http.get().uri("/api/v1/agent/tasks/" + taskId + "/control").header("Authorization", "Bearer " + f.agent().token())
                .header("x-agent-node-id", f.nodeId().toString()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.cancelRequested").isEqualTo(false).jsonPath("$.status").isEqualTo("running");

        Map<String, Object> done = map(agentPost(f.agent(), "/" + taskId + "/completed", Map.of("taskId", taskId.toString(),
                "status", "success", "exitCode", 0, "output", f.hostname() + "\n", "timestamp", "2026-11-23T10:00:02.000Z",
                "durationMs", 25)).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(done).containsEntry("status", "success").containsEntry("finishedAt", "2026-11-23T10:00:02Z")
                .containsEntry("output", f.hostname() + "\n").containsEntry("outputTruncated", false);
        assertThat(map(done.get("result"))).containsEntry("exitCode", 0).containsEntry("durationMs", 25)
                .containsKey("completedAt");

        List<Map<String, Object>> logs = taskLogs(f.viewer().token(), f.workspace(), taskId);
        assertThat(logs).extracting(l -> l.get("message")).containsExactly("running shell.exec command via /bin/sh",
                f.hostname());
        await().atMost(Duration.ofSeconds(15)).until(() -> eventTypes(f.viewer().token(), f.workspace(), f.nodeId())
                .containsAll(List.of("task.queued", "task.started", "task.completed")));
        Map<String, Object> audit = await().atMost(Duration.ofSeconds(15)).until(() -> list(f.owner().token(),
                "/api/v1/workspaces/" + f.workspace() + "/audit-logs?action=task.created").stream()
                .filter(a -> taskId.toString().equals(a.get("targetId"))).findFirst(), java.util.Optional::isPresent).get();
        assertThat(audit).containsEntry("targetType", "task").containsEntry("targetLabel", "shell.exec")
                .containsEntry("actorUserId", f.owner().id().toString()).containsEntry("ipAddress", "127.0.0.1");
        assertThat(map(audit.get("metadata"))).containsEntry("nodeId", f.nodeId().toString())
                .containsEntry("hostname", f.hostname());
    }

    @Test
    void guardsAnswerWithTheContractsStatusesAndRepeatsAreNoOps() {
        Fleet f = fleet("Guards");
        Fleet other = fleet("Intruder");
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), "uptime");
        agentPost(f.agent(), "/" + taskId + "/accepted", transition(taskId)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.message").isEqualTo("Task " + taskId + " is in queued state and cannot be accepted");
        claim(f.agent(), 0);
        taskWhen(f.owner().token(), f.workspace(), taskId, t -> "accepted".equals(t.get("status")));
        agentPost(other.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("Task " + taskId + " was not found for node " + other.nodeId());
        agentPost(f.agent(), "/" + taskId + "/started", transition(UUID.randomUUID())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("taskId in request body must match route parameter");
        agentPost(f.agent(), "/" + taskId + "/logs", Map.of("taskId", taskId.toString(), "stream", "stdout", "line", "x"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.message")
                .isEqualTo("Task " + taskId + " is in accepted state and cannot accept logs");
        Map<String, Object> success = Map.of("taskId", taskId.toString(), "status", "success", "exitCode", 0,
                "timestamp", "2026-11-23T10:00:02.000Z", "durationMs", 10);
        agentPost(f.agent(), "/" + taskId + "/completed", success).expectStatus().isEqualTo(409);

        long events = storedEvents();
        agentPost(f.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isOk();
        agentPost(f.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("running");
        agentPost(f.agent(), "/" + taskId + "/completed", success).expectStatus().isOk();
        agentPost(f.agent(), "/" + taskId + "/completed", success).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("success");
        assertThat(storedEvents() - events).as("one started and one completed event despite the repeats").isEqualTo(2);
        agentPost(f.agent(), "/" + taskId + "/completed", Map.of("taskId", taskId.toString(), "status", "failed",
                "exitCode", 1)).expectStatus().isEqualTo(409).expectBody().jsonPath("$.message")
                .isEqualTo("Task " + taskId + " is already success and cannot transition to failed");
        agentPost(f.agent(), "/" + taskId + "/logs", Map.of("stream", "stdout", "line", "late")).expectStatus().isEqualTo(409);
        agentPost(f.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isEqualTo(409);
    }

    @Test
    void timeoutIsStoredFailedCanceledIsCancelledAndLongOutputIsTruncated() {
        Fleet f = fleet("Outcomes");
        UUID timedOut = runToStarted(f, "sleep 999");
        Map<String, Object> failed = map(agentPost(f.agent(), "/" + timedOut + "/completed", Map.of("status", "timeout",
                "exitCode", -1, "error", "context deadline exceeded", "durationMs", 600000)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(failed).containsEntry("status", "failed").containsEntry("output", "context deadline exceeded");
        assertThat(map(failed.get("result"))).containsEntry("reason", "timeout");

        UUID canceled = runToStarted(f, "sleep 5");
        agentPost(f.agent(), "/" + canceled + "/completed", Map.of("status", "canceled", "exitCode", -1))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("cancelled");

        UUID chatty = runToStarted(f, "yes | head -c 9000");
        Map<String, Object> big = map(agentPost(f.agent(), "/" + chatty + "/completed", Map.of("status", "success",
                "exitCode", 0, "output", "y".repeat(9000))).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody());
        assertThat((String) big.get("output")).hasSize(8000);
        assertThat(big).containsEntry("outputTruncated", true);
        UUID huge = runToStarted(f, "cat /dev/zero");
        agentPost(f.agent(), "/" + huge + "/completed", Map.of("status", "success", "output", "y".repeat(200_001)))
                .expectStatus().isEqualTo(413);
        assertThat(task(f.owner().token(), f.workspace(), huge)).as("an oversize report changes nothing")
                .containsEntry("status", "running");
    }

    @Test
    void cancellingBeforeRunEndsTheTaskAndWhileRunningAsksTheAgent() {
        Fleet f = fleet("Cancel");
        UUID queued = queue(f.owner().token(), f.workspace(), f.nodeId(), "apt list");
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks/" + queued + "/cancel", Map.of("reason",
                "wrong node")).expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("cancelled")
                .jsonPath("$.result.reason").isEqualTo("cancel-requested-before-run");
        assertThat(claim(f.agent(), 0).get("task")).as("a cancelled task is never handed out").isNull();

        UUID running = runToStarted(f, "sleep 60");
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks/" + running + "/cancel", Map.of("reason",
                "operator stop")).expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("running")
                .jsonPath("$.cancelRequestedAt").isNotEmpty();
        http.get().uri("/api/v1/agent/tasks/" + running + "/control").header("Authorization", "Bearer " + f.agent().token())
                .header("x-agent-node-id", f.nodeId().toString()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.cancelRequested").isEqualTo(true).jsonPath("$.cancelReason").isEqualTo("operator stop");
        agentPost(f.agent(), "/" + running + "/completed", Map.of("status", "cancelled", "exitCode", -1, "error",
                "operator stop")).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("cancelled")
                .jsonPath("$.output").isEqualTo("operator stop");
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks/" + running + "/cancel", Map.of())
                .expectStatus().isEqualTo(409);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> eventTypes(f.viewer().token(), f.workspace(), f.nodeId()).contains("task.cancelled"));
        post(f.viewer().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks/" + queued + "/cancel", Map.of())
                .expectStatus().isForbidden();
    }

    @Test
    void anExpiredLeaseRequeuesTheTaskAndTheOldClaimCannotStartIt() {
        Fleet f = fleet("Lease");
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), "df -h");
        Map<String, Object> first = map(claim(f.agent(), 0).get("task"));
        Instant leaseUntil = Instant.parse((String) first.get("leaseUntil"));
        assertThat(Duration.between(Instant.now(), leaseUntil).toSeconds()).isBetween(50L, 61L);
        clock.advance(Duration.ofSeconds(61));
        taskWhen(f.owner().token(), f.workspace(), taskId, t -> "queued".equals(t.get("status")));
        agentPost(f.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isEqualTo(409);
        Map<String, Object> again = map(claim(f.agent(), 0).get("task"));
        assertThat(again.get("id")).isEqualTo(taskId.toString());
        assertThat(again.get("claimToken")).isNotEqualTo(first.get("claimToken"));
        agentPost(f.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isOk();
    }

    @Test
    void aTaskQueuedTooLongFailsWithStaleTimeout() {
        Fleet f = fleet("Stale");
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), "true");
        clock.advance(Duration.ofSeconds(121));
        Map<String, Object> failed = taskWhen(f.owner().token(), f.workspace(), taskId, t -> "failed".equals(t.get("status")));
        assertThat(map(failed.get("result"))).containsEntry("reason", "stale-timeout").containsEntry("previousStatus", "queued");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> eventTypes(f.viewer().token(), f.workspace(), f.nodeId()).contains("task.failed"));
    }

    private UUID runToStarted(Fleet f, String command) {
        UUID taskId = queue(f.owner().token(), f.workspace(), f.nodeId(), command);
        assertThat(map(claim(f.agent(), 0).get("task")).get("id")).isEqualTo(taskId.toString());
        agentPost(f.agent(), "/" + taskId + "/started", transition(taskId)).expectStatus().isOk();
        return taskId;
    }
}
