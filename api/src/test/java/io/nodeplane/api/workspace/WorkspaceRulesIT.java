package io.nodeplane.api.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class WorkspaceRulesIT extends WorkspaceSupport {



    @Test
    void createReadUpdateWithSlugAndTimezoneRules() {
        String admin = adminToken();
        String name = unique("Ops Team");
        http.post().uri("/api/v1/workspaces").headers(h -> h.setBearerAuth(admin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name)).exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.slug").isEqualTo(slug(name))
                .jsonPath("$.defaultTimezone").isEqualTo("UTC")
                .jsonPath("$.currentUserRole").isEqualTo("owner")
                .jsonPath("$.isDefault").isEqualTo(false);
        post(admin, "/api/v1/workspaces", Map.of("name", name)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("WORKSPACE_SLUG_TAKEN");

        UUID id = createWorkspace(admin, unique("Edge"));
        patch(admin, "/api/v1/workspaces/" + id, Map.of("name", "Edge Renamed", "defaultTimezone", "Asia/Tokyo"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Edge Renamed").jsonPath("$.defaultTimezone").isEqualTo("Asia/Tokyo");
        patch(admin, "/api/v1/workspaces/" + id, Map.of("defaultTimezone", "Mars/Olympus")).expectStatus().isBadRequest();
        patch(admin, "/api/v1/workspaces/" + id, Map.of("slug", "Bad Slug")).expectStatus().isBadRequest();
        patch(admin, "/api/v1/workspaces/" + id, Map.of("slug", slug(name))).expectStatus().isEqualTo(409);
        patch(admin, "/api/v1/workspaces/" + id, Map.of("owner", "me")).expectStatus().isBadRequest();

        http.get().uri("/api/v1/workspaces").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].name").isEqualTo("Edge Renamed");
        http.get().uri("/api/v1/workspaces/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/workspaces/not-a-uuid").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void exactlyOneDefaultWorkspaceWhichCanBeNeitherUnsetArchivedNorDeleted() {
        String admin = adminToken();
        UUID original = UUID.fromString(DB.queryString("SELECT id::text FROM workspace_view WHERE is_default"));
        String originalPath = "/api/v1/workspaces/" + original;
        patch(admin, originalPath, Map.of("isDefault", false)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("DEFAULT_WORKSPACE_REQUIRED");
        patch(admin, originalPath, Map.of("isArchived", true)).expectStatus().isEqualTo(409);
        http.delete().uri(originalPath).headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isEqualTo(409);

        UUID next = createWorkspace(admin, unique("Next default"));
        try {
            patch(admin, "/api/v1/workspaces/" + next, Map.of("isDefault", true)).expectStatus().isOk()
                    .expectBody().jsonPath("$.isDefault").isEqualTo(true);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(DB.queryLong("SELECT count(*) FROM workspace_view WHERE is_default")).isEqualTo(1));
            http.get().uri(originalPath).headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                    .jsonPath("$.isDefault").isEqualTo(false);
        } finally {
            patch(admin, originalPath, Map.of("isDefault", true)).expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(DB.queryString("SELECT id::text FROM workspace_view WHERE is_default")).isEqualTo(original.toString()));

        UUID archived = createWorkspace(admin, unique("Archived"));
        patch(admin, "/api/v1/workspaces/" + archived, Map.of("isArchived", true)).expectStatus().isOk();
        patch(admin, "/api/v1/workspaces/" + archived, Map.of("isDefault", true)).expectStatus().isEqualTo(409);
    }

    @Test
    void anArchivedWorkspaceIsReadableButRejectsEveryChangeUntilRestored() {
        String admin = adminToken();
        UUID id = createWorkspace(admin, unique("Frozen"));
        String path = "/api/v1/workspaces/" + id;
        UUID membership = addMember(admin, id, person("frozen").id(), "viewer");
        patch(admin, path, Map.of("isArchived", true)).expectStatus().isOk().expectBody()
                .jsonPath("$.isArchived").isEqualTo(true);

        // workspace, user and sign-in events only: earlier tests' tasks may time out (stale-timeout) meanwhile
        String counted = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE 'io.nodeplane.events.workspace.%' "
                + "OR payload_type LIKE 'io.nodeplane.events.user.%' OR payload_type LIKE 'io.nodeplane.events.auth.%'";
        long events = DB.queryLong(counted);
        patch(admin, path, Map.of("name", "Thawed?")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("WORKSPACE_ARCHIVED");
        post(admin, path + "/members", Map.of("userId", person("late").id().toString(), "role", "viewer"))
                .expectStatus().isEqualTo(409);
        patch(admin, path + "/members/" + membership, Map.of("role", "admin")).expectStatus().isEqualTo(409);
        http.delete().uri(path + "/members/" + membership).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(DB.queryLong(counted)).isEqualTo(events + 2); // only the two users created above ("late" signs in too)
        http.get().uri(path + "/members").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk();

        patch(admin, path, Map.of("isArchived", false, "name", "Thawed")).expectStatus().isOk().expectBody()
                .jsonPath("$.isArchived").isEqualTo(false).jsonPath("$.name").isEqualTo("Thawed");
    }

    @Test
    void membersMustBeActiveUsersOnceEachAndTheLastOwnerStays() {
        String admin = adminToken();
        UUID id = createWorkspace(admin, unique("Crew"));
        String path = "/api/v1/workspaces/" + id;
        String inactiveEmail = uniqueEmail("inactive");
        UUID inactive = createUser(inactiveEmail, "inactive-password", false, UserRole.USER);
        post(admin, path + "/members", Map.of("userId", inactive.toString(), "role", "member")).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.code").isEqualTo("USER_NOT_ASSIGNABLE");
        post(admin, path + "/members", Map.of("userId", UUID.randomUUID().toString(), "role", "member"))
                .expectStatus().isBadRequest();
        post(admin, path + "/members", Map.of("userId", UUID.randomUUID().toString(), "role", "boss"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");

        Person crew = person("crew");
        http.get().uri(path + "/assignable-users").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.email == '" + crew.email() + "')]").exists()
                .jsonPath("$[?(@.email == '" + inactiveEmail + "')]").doesNotExist()
                .jsonPath("$[?(@.email == '" + ADMIN_EMAIL + "')]").doesNotExist();
        post(admin, path + "/members", Map.of("userId", crew.id().toString(), "role", "member")).expectStatus().isCreated()
                .expectBody().jsonPath("$.userEmail").isEqualTo(crew.email()).jsonPath("$.role").isEqualTo("member")
                .jsonPath("$.userIsActive").isEqualTo(true);
        post(admin, path + "/members", Map.of("userId", crew.id().toString(), "role", "viewer")).expectStatus()
                .isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("MEMBER_EXISTS");

        List<Map<String, Object>> members = members(admin, id);
        String ownerMembership = (String) members.stream().filter(m -> "owner".equals(m.get("role"))).findFirst()
                .orElseThrow().get("id");
        patch(admin, path + "/members/" + ownerMembership, Map.of("role", "admin")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("LAST_OWNER");
        http.delete().uri(path + "/members/" + ownerMembership).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void anotherWorkspacesIdsNeverReachItsData() {
        String admin = adminToken();
        Person alice = person("alice");
        UUID a = createWorkspace(admin, unique("A"));
        UUID b = createWorkspace(admin, unique("B"));
        addMember(admin, a, alice.id(), "admin");
        UUID bMembership = addMember(admin, b, person("bob").id(), "viewer");

        http.get().uri("/api/v1/workspaces/" + b).headers(h -> h.setBearerAuth(alice.token())).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/workspaces/" + b + "/members").headers(h -> h.setBearerAuth(alice.token())).exchange()
                .expectStatus().isNotFound();
        patch(alice.token(), "/api/v1/workspaces/" + a + "/members/" + bMembership, Map.of("role", "admin"))
                .expectStatus().isNotFound();
        http.delete().uri("/api/v1/workspaces/" + a + "/members/" + bMembership).headers(h -> h.setBearerAuth(alice.token()))
                .exchange().expectStatus().isNotFound();
        assertThat(members(admin, b)).anySatisfy(m -> {
            assertThat(m.get("id")).isEqualTo(bMembership.toString());
            assertThat(m.get("role")).isEqualTo("viewer");
        });
        http.get().uri("/api/v1/workspaces").headers(h -> h.setBearerAuth(alice.token())).exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo(a.toString())
                .jsonPath("$[0].currentUserRole").isEqualTo("admin");
    }

    @Test
    void theWorkspaceAuditLogShowsThatWorkspacesEntriesOnly() {
        String admin = adminToken();
        UUID a = createWorkspace(admin, unique("Audited"));
        UUID b = createWorkspace(admin, unique("Other"));
        addMember(admin, a, person("audited").id(), "viewer");
        patch(admin, "/api/v1/workspaces/" + a, Map.of("name", "Audited Renamed")).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<String, Object>> entries = auditLog(admin, a);
            assertThat(entries).extracting(e -> e.get("action")).contains("workspace.created",
                    "workspace.member.added", "workspace.updated");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.get("workspaceId")).isEqualTo(a.toString());
                assertThat(e.get("scope")).isEqualTo("workspace");
            });
            Map<String, Object> renamed = entries.stream().filter(e -> "workspace.updated".equals(e.get("action")))
                    .findFirst().orElseThrow();
            assertThat(((Map<?, ?>) ((Map<?, ?>) renamed.get("changes")).get("after")).get("name")).isEqualTo("Audited Renamed");
            assertThat(renamed.get("actorEmailSnapshot")).isEqualTo(ADMIN_EMAIL);
        });
        assertThat(auditLog(admin, b)).noneSatisfy(e -> assertThat(e.get("workspaceId")).isEqualTo(a.toString()));
        http.get().uri("/api/v1/audit-logs?limit=100").headers(h -> h.setBearerAuth(admin)).exchange().expectBody()
                .jsonPath("$[?(@.scope == 'workspace')]").doesNotExist();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> members(String token, UUID workspace) {
        return http.get().uri("/api/v1/workspaces/" + workspace + "/members").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditLog(String token, UUID workspace) {
        return http.get().uri("/api/v1/workspaces/" + workspace + "/audit-logs?limit=100").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }
}
