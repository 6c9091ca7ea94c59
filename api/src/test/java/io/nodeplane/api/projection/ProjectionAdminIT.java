package io.nodeplane.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.events.user.UserRole;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** {@code POST /admin/projections/rebuild} and {@code GET /admin/projections}, over HTTP. */
class ProjectionAdminIT extends ApplicationIT {

    private static final Duration REPLAY = Duration.ofSeconds(120);

    @Test
    void rebuildReplaysEveryProcessorToTheSameReadModels() throws Exception {
        String admin = adminToken();
        UUID member = createUser(uniqueEmail("replay"), "replay-password-1", true, UserRole.USER);
        String workspace = (String) post(admin, "/api/v1/workspaces", Map.of("name", "Replay " + UUID.randomUUID()))
                .get("id");
        post(admin, "/api/v1/workspaces/" + workspace + "/members", Map.of("userId", member.toString(), "role", "member"));
        post(admin, "/api/v1/workspaces/" + workspace + "/teams", Map.of("name", "replay-team"));
        long head = awaitSettled(admin);
        Map<String, List<String>> before = readModels(head);
        assertThat(before.get("audit_log_view")).isNotEmpty();

        Map<?, ?> started = rebuild(admin).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        assertThat((List<Object>) started.get("processors")).contains("audit-log", "user-view", "workspace-view", "team-view")
                // a policy that sends commands is not a read model: it is never replayed
                .doesNotContain("schedule-timezone");
        assertThat(started.get("startedAt")).isNotNull();
        awaitSettled(admin);
        Map<?, ?> status = status(admin);
        assertThat(status.get("startedAt")).isEqualTo(started.get("startedAt"));
        assertThat(status.get("finishedAt")).isNotNull();
        assertThat((List<Map<?, ?>>) status.get("processors")).allSatisfy(p -> {
            assertThat(p.get("replaying")).isEqualTo(false);
            assertThat(p.get("finishedAt")).isNotNull();
            assertThat(p.get("error")).isNull();
        });
        assertThat(readModels(head)).isEqualTo(before);
        // the rebuild is itself audited, as the admin's
        assertThat(DB.queryString("SELECT actor_email_snapshot FROM audit_log_view WHERE action = "
                + "'projections.rebuild.started' AND target_id = '" + started.get("rebuildId") + "'")).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void aSecondRebuildWhileOneIsRunningIsRefused() throws Exception {
        String admin = adminToken();
        awaitSettled(admin);
        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // user-view is reset first and its reset must delete its rows: while this lock is held the rebuild
            // cannot finish, and the admin's token still verifies against the rows the lock keeps readable
            s.execute("LOCK TABLE user_view IN SHARE MODE");
            rebuild(admin).expectStatus().isAccepted();

            rebuild(admin).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("REBUILD_IN_PROGRESS")
                    .jsonPath("$.statusCode").isEqualTo(409);
            assertThat(status(admin).get("rebuilding")).isEqualTo(true);
            c.rollback();
        }
        awaitSettled(admin);
        // once finished, the next one may start
        rebuild(admin).expectStatus().isAccepted();
        awaitSettled(admin);
    }

    @Test
    void onlyPlatformAdminsMayRebuildOrFollowIt() {
        String admin = adminToken();
        Object lastStart = status(admin).get("startedAt");
        String email = uniqueEmail("replay-user");
        createUser(email, "replay-user-password", true, UserRole.USER);
        String user = login(email, "replay-user-password");

        rebuild(user).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        http.get().uri("/api/v1/admin/projections").headers(h -> h.setBearerAuth(user))
                .exchange().expectStatus().isForbidden();
        rebuild(null).expectStatus().isUnauthorized();
        http.get().uri("/api/v1/admin/projections").exchange().expectStatus().isUnauthorized();
        assertThat(status(admin).get("startedAt")).isEqualTo(lastStart);
    }

    /**
     * Waits until no rebuild runs and every processor has caught up; answers the store's head. Tokens are
     * checked against user_view, so while user-view replays the status answers 401: not settled yet.
     */
    private long awaitSettled(String admin) {
        await().atMost(REPLAY).pollInterval(Duration.ofMillis(200)).until(() -> {
            var answer = http.get().uri("/api/v1/admin/projections").headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectBody(Map.class).returnResult();
            if (answer.getStatus().value() == 401) {
                return false;
            }
            Map<?, ?> status = answer.getResponseBody();
            return Boolean.FALSE.equals(status.get("rebuilding")) && ((List<Map<?, ?>>) status.get("processors"))
                    .stream().allMatch(p -> Boolean.TRUE.equals(p.get("caughtUp")));
        });
        return ((Number) status(admin).get("headGlobalIndex")).longValue();
    }

    private ResponseSpec rebuild(String jwt) {
        return http.post().uri("/api/v1/admin/projections/rebuild").headers(h -> {
            if (jwt != null) {
                h.setBearerAuth(jwt);
            }
        }).exchange();
    }

    private Map<?, ?> status(String admin) {
        return http.get().uri("/api/v1/admin/projections").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> post(String jwt, String path, Map<String, Object> body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(jwt)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    /** Read models no background job of another test changes; audit entries up to {@code head}. */
    private static Map<String, List<String>> readModels(long head) throws Exception {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : new String[] {"user_view", "workspace_view", "workspace_membership_view", "team_view"}) {
            rows.put(table, rows("SELECT * FROM " + table + " ORDER BY id"));
        }
        rows.put("audit_log_view", rows("SELECT * FROM audit_log_view WHERE global_index <= " + head + " ORDER BY id"));
        return rows;
    }

    private static List<String> rows(String sql) {
        return DB.rows(sql);
    }
}
