package io.nodeplane.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.events.user.UserRole;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Every read model can be thrown away and rebuilt from the event store, to identical rows. */
class ProjectionRebuildIT extends ApplicationIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void resettingEachProjectionRebuildsTheSameRows() throws Exception {
        createUser(uniqueEmail("rebuild"), "rebuild-password", true, UserRole.USER);
        String admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        UUID node = registerNode();
        queueWork(admin, node);
        String workspace = createTaskTemplates(admin);
        // the offline detector (2 s timeout in tests) settles every node first, so the rows stop changing
        await().atMost(Duration.ofSeconds(30))
                .until(() -> DB.queryLong("SELECT count(*) FROM node_view WHERE status = 'online'") == 0);
        String[][] views = {
            {"user-view", "SELECT * FROM user_view ORDER BY id"},
            {"workspace-view", "SELECT * FROM workspace_view ORDER BY id"},
            {"audit-log", "SELECT * FROM audit_log_view ORDER BY id"},
            {"node-view", "SELECT * FROM node_view ORDER BY id"},
            {"event-view", "SELECT * FROM event_view WHERE source_event_id IS NOT NULL ORDER BY id"},
            {"enrollment-view", "SELECT * FROM enrollment_view ORDER BY id"},
            // this test's node only: other tests' schedules keep running while it rebuilds
            {"task-view", "SELECT * FROM task_view WHERE node_id = '" + node + "' ORDER BY id"},
            {"scheduled-task-view", "SELECT * FROM scheduled_task_view WHERE node_id = '" + node + "' ORDER BY id"},
            {"task-template-view", "SELECT * FROM task_template_view WHERE workspace_id = '" + workspace + "' ORDER BY id"},
        };
        for (String[] view : views) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(view[0], StreamingEventProcessor.class).orElseThrow();
            await().atMost(Duration.ofSeconds(15)).until(() -> caughtUp(view[1]));
            List<String> before = rows(view[1]);
            assertThat(before).isNotEmpty();

            processor.shutDown();
            processor.resetTokens(); // runs the projection's reset handler: the table is emptied
            assertThat(rows(view[1])).isEmpty();
            processor.start();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(view[1])).isEqualTo(before));
        }
    }

    private UUID registerNode() {
        Map<?, ?> agent = http.post().uri("/api/v1/agent/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enrollmentToken", ENROLLMENT_TOKEN, "hostname", "rebuild-" + UUID.randomUUID()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        http.post().uri("/api/v1/enrollments/initiate").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "rebuild@it.example.com", "hostname", "rebuild-" + UUID.randomUUID()))
                .exchange().expectStatus().isCreated();
        return UUID.fromString((String) agent.get("nodeId"));
    }

    /** A cancelled task, a queued one and a disabled schedule on the node. */
    private void queueWork(String admin, UUID node) {
        for (String command : new String[] {"uptime", "hostname"}) {
            Map<?, ?> task = http.post().uri("/api/v1/tasks").headers(h -> h.setBearerAuth(admin))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("nodeId", node.toString(), "type",
                            "shell.exec", "payload", Map.of("command", command)))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            if (command.equals("uptime")) {
                http.post().uri("/api/v1/tasks/" + task.get("id") + "/cancel").headers(h -> h.setBearerAuth(admin))
                        .exchange().expectStatus().isCreated();
            }
        }
        http.post().uri("/api/v1/scheduled-tasks").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("nodeId", node.toString(), "name", "nightly",
                        "command", "backup.sh", "cadence", "daily", "hour", 2, "minute", 30, "enabled", false))
                .exchange().expectStatus().isCreated();
    }

    /** In the default workspace: one template changed after its creation and one deleted; answers the workspace. */
    private String createTaskTemplates(String admin) {
        String workspace = (String) http.get().uri("/api/v1/workspaces").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .filter(w -> Boolean.TRUE.equals(w.get("isDefault"))).findFirst().orElseThrow().get("id");
        String path = "/api/v1/workspaces/" + workspace + "/task-templates";
        String changed = templateId(http.post().uri(path).headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "rebuild-" + UUID.randomUUID(),
                        "taskType", "shell.exec", "payloadTemplate", Map.of("command", "uptime"))).exchange());
        http.patch().uri(path + "/" + changed).headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "rebuilt")).exchange().expectStatus().isOk();
        String removed = templateId(http.post().uri(path).headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "rebuild-" + UUID.randomUUID(),
                        "taskType", "packageList")).exchange());
        http.delete().uri(path + "/" + removed).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk();
        return workspace;
    }

    private static String templateId(ResponseSpec created) {
        return (String) created.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    // stable once two reads a moment apart agree
    private boolean caughtUp(String sql) throws Exception {
        List<String> first = rows(sql);
        Thread.sleep(200);
        return first.equals(rows(sql));
    }

    private static List<String> rows(String sql) {
        return DB.rows(sql);
    }
}
