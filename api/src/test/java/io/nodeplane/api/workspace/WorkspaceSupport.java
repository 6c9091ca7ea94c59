package io.nodeplane.api.workspace;

import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.events.user.UserRole;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Helpers for workspace tests: everything goes through the HTTP API, as a client would. */
public abstract class WorkspaceSupport extends ApplicationIT {

    protected ResponseSpec post(String token, String path, Map<String, ?> body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected ResponseSpec patch(String token, String path, Map<String, ?> body) {
        return http.patch().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected UUID createWorkspace(String adminToken, String name) {
        Map<?, ?> body = http.post().uri("/api/v1/workspaces").headers(h -> h.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name, "slug", slug(name)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }

    protected UUID addMember(String token, UUID workspaceId, UUID userId, String role) {
        Map<?, ?> body = http.post().uri("/api/v1/workspaces/" + workspaceId + "/members")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId.toString(), "role", role))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }

    protected UUID createTeam(String token, UUID workspaceId, String name) {
        Map<?, ?> body = http.post().uri("/api/v1/workspaces/" + workspaceId + "/teams").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }

    protected void addTeamMember(String token, UUID workspaceId, UUID teamId, UUID userId) {
        http.post().uri("/api/v1/workspaces/" + workspaceId + "/teams/" + teamId + "/members")
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId.toString())).exchange().expectStatus().isCreated();
    }

    /** A new active user; returns its id, signs it in and hands back the token through {@code tokens}. */
    protected record Person(UUID id, String email, String token) {
    }

    protected Person person(String prefix) {
        String email = uniqueEmail(prefix);
        UUID id = createUser(email, "person-password", true, UserRole.USER);
        return new Person(id, email, login(email, "person-password"));
    }

    protected static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    protected static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
