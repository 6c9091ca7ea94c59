package io.nodeplane.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two-step enrollment (contract §1.3 item 1, scenarios 3 and 4), as the agent and the dashboard call it. */
class EnrollmentIT extends NodeSupport {

    private static final Map<String, Object> GO_INFO = Map.of("operatingSystem", "linux", "architecture", "arm64",
            "agentVersion", "2026.5.1", "platformVersion", "Debian 12", "kernelVersion", "6.1.0");

    private Map<?, ?> initiate(String email, String hostname) {
        return publicPost("/api/v1/enrollments/initiate", Map.of("email", email, "hostname", hostname,
                "additionalInfo", GO_INFO)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> status(String token) {
        return http.get().uri("/api/v1/enrollments/" + token).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void anOperatorApprovesAnEnrollmentAndTheAgentCollectsItsCredential() {
        String admin = adminToken();
        UUID workspace = createWorkspace(admin, unique("Enroll"));
        Person owner = person("owner");
        Person member = person("member");
        addMember(admin, workspace, owner.id(), "owner");
        addMember(admin, workspace, member.id(), "member");
        String hostname = host("enrolled");
        long nodesBefore = DB.queryLong("SELECT count(*) FROM node_view");

        Map<?, ?> initiated = initiate("ops@it.example.com", hostname);
        String token = (String) initiated.get("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(initiated.get("expiresAt")).isNotNull();
        assertThat(DB.queryLong("SELECT count(*) FROM node_view")).isEqualTo(nodesBefore);
        assertThat(status(token)).isEqualTo(Map.of("status", "pending"));
        assertThat(DB.queryLong("SELECT count(*) FROM bootstrap_token WHERE lookup_hash = '" + token + "'")).isZero();

        String finalize = "/api/v1/workspaces/" + workspace + "/enrollments/" + token + "/finalize";
        Map<String, Object> body = Map.of("email", "ops@it.example.com", "nodeName", "db-1", "description", "primary");
        post(member.token(), finalize, body).expectStatus().isForbidden();
        post(person("outsider").token(), finalize, body).expectStatus().isNotFound();
        post(admin, "/api/v1/enrollments/" + token + "/finalize", body).expectStatus().isCreated()
                .expectBody().jsonPath("$.nodeId").exists(); // platform admin may approve into the default workspace…
        // …after which the workspace route sees an approved enrollment
        post(owner.token(), finalize, body).expectStatus().isEqualTo(409);
        Map<?, ?> approved = status(token);
        assertThat(approved.get("status")).isEqualTo("approved");
        assertThat((String) approved.get("agentToken")).matches("[0-9a-f]{64}");
        assertThat(status(token)).isEqualTo(approved); // repeatable

        Agent agent = new Agent(UUID.fromString((String) approved.get("nodeId")), (String) approved.get("agentToken"));
        heartbeat(agent).expectStatus().isOk();
    }

    @Test
    void finalizeFollowsTheContractsAnswers() {
        String admin = adminToken();
        UUID workspace = createWorkspace(admin, unique("Finalize"));
        Person owner = person("owner");
        addMember(admin, workspace, owner.id(), "owner");
        String hostname = host("fin");
        String token = (String) initiate("dev@it.example.com", hostname).get("token");
        String finalize = "/api/v1/workspaces/" + workspace + "/enrollments/" + token + "/finalize";

        post(owner.token(), finalize, Map.of("email", "someone-else@it.example.com", "nodeName", "n1"))
                .expectStatus().isNotFound();
        post(owner.token(), "/api/v1/workspaces/" + workspace + "/enrollments/unknown-token-123/finalize",
                Map.of("email", "dev@it.example.com", "nodeName", "n1")).expectStatus().isNotFound();
        post(owner.token(), finalize, Map.of("email", "dev@it.example.com", "nodeName", "x")).expectStatus().isBadRequest();
        post(owner.token(), "/api/v1/enrollments/" + token + "/finalize", Map.of("email", "dev@it.example.com",
                "nodeName", "n1")).expectStatus().isForbidden(); // the global route is for platform admins

        Map<?, ?> created = post(owner.token(), finalize, Map.of("email", "DEV@it.example.com", "nodeName", "web-1",
                "description", "front")).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        UUID nodeId = UUID.fromString((String) created.get("nodeId"));
        Map<String, Object> node = node(owner.token(), workspace, nodeId);
        assertThat(node).containsEntry("name", "web-1").containsEntry("description", "front")
                .containsEntry("hostname", hostname).containsEntry("status", "offline")
                .containsEntry("os", "linux").containsEntry("arch", "arm64").containsEntry("agentVersion", "2026.5.1");
        assertThat(node.get("lastSeenAt")).isNull();
        assertThat(DB.queryLong("SELECT count(*) FROM node_credential WHERE node_id = '" + nodeId
                + "' AND token_sha256 = sha256(convert_to('" + created.get("agentToken") + "', 'UTF8'))")).isEqualTo(1);
        post(owner.token(), finalize, Map.of("email", "dev@it.example.com", "nodeName", "web-1")).expectStatus().isEqualTo(409);

        // the hostname is now taken: a second enrollment for it cannot be approved
        String again = (String) initiate("dev2@it.example.com", hostname).get("token");
        post(owner.token(), "/api/v1/workspaces/" + workspace + "/enrollments/" + again + "/finalize",
                Map.of("email", "dev2@it.example.com", "nodeName", "dup")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.message").isEqualTo("A node with this hostname already exists");

        // an archived workspace accepts no enrollment
        String third = (String) initiate("dev3@it.example.com", host("archived")).get("token");
        patch(admin, "/api/v1/workspaces/" + workspace, Map.of("isArchived", true)).expectStatus().isOk();
        post(owner.token(), "/api/v1/workspaces/" + workspace + "/enrollments/" + third + "/finalize",
                Map.of("email", "dev3@it.example.com", "nodeName", "arch")).expectStatus().isEqualTo(409);
    }

    @Test
    void expiredAndSupersededEnrollmentsAreRevoked() {
        String admin = adminToken();
        String hostname = host("expiring");
        String older = (String) initiate("exp@it.example.com", hostname).get("token");
        String newer = (String) initiate("exp@it.example.com", hostname).get("token");
        assertThat(status(older)).isEqualTo(Map.of("status", "revoked"));
        assertThat(status(newer)).isEqualTo(Map.of("status", "pending"));
        http.get().uri("/api/v1/enrollments/never-issued-token").exchange().expectStatus().isNotFound();

        clock.advance(Duration.ofMinutes(16));
        assertThat(status(newer)).isEqualTo(Map.of("status", "revoked"));
        post(admin, "/api/v1/enrollments/" + newer + "/finalize", Map.of("email", "exp@it.example.com", "nodeName", "late"))
                .expectStatus().isEqualTo(410);
        post(admin, "/api/v1/enrollments/" + older + "/finalize", Map.of("email", "exp@it.example.com", "nodeName", "late"))
                .expectStatus().isEqualTo(410);
        assertThat(DB.queryLong("SELECT count(*) FROM node_view WHERE hostname = '" + hostname + "'")).isZero();
    }
}
