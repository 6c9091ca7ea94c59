package io.nodeplane.api.workspace;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class PreferencesIT extends WorkspaceSupport {

    private ResponseSpec patch(String token, Map<String, ?> body) {
        return patch(token, "/api/v1/users/me/preferences", body);
    }

    @Test
    void usersChooseTheirTimezoneEmailsAndADefaultWorkspaceTheyBelongTo() {
        String admin = adminToken();
        Person user = person("prefs");
        UUID mine = createWorkspace(admin, unique("Mine"));
        UUID foreign = createWorkspace(admin, unique("Foreign"));
        addMember(admin, mine, user.id(), "viewer");

        patch(user.token(), Map.of("timezone", "Europe/Istanbul", "criticalEventEmailsEnabled", false,
                "defaultWorkspaceId", mine.toString())).expectStatus().isOk().expectBody()
                .jsonPath("$.timezone").isEqualTo("Europe/Istanbul")
                .jsonPath("$.criticalEventEmailsEnabled").isEqualTo(false)
                .jsonPath("$.enrollmentEmailsEnabled").isEqualTo(true)
                .jsonPath("$.defaultWorkspaceId").isEqualTo(mine.toString());

        patch(user.token(), Map.of("defaultWorkspaceId", foreign.toString())).expectStatus().isNotFound();
        patch(user.token(), Map.of("defaultWorkspaceId", UUID.randomUUID().toString())).expectStatus().isNotFound();
        patch(user.token(), Map.of("timezone", "Moon/Base")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("USER_TIMEZONE_INVALID");
        patch(user.token(), Map.of("role", "platform_admin")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("property role should not exist");

        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(user.token())).exchange().expectBody()
                .jsonPath("$.defaultWorkspaceId").isEqualTo(mine.toString())
                .jsonPath("$.timezone").isEqualTo("Europe/Istanbul")
                .jsonPath("$.role").isEqualTo("user");
    }
}
