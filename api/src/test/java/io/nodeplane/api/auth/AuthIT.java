package io.nodeplane.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.command.user.RevokeUserSessionsCommand;
import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthIT extends ApplicationIT {

    @Test
    void loginReturnsATokenAndTheUserButNoSecret() {
        byte[] body = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ADMIN_EMAIL.toUpperCase(), "password", ADMIN_PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accessToken").isNotEmpty()
                .jsonPath("$.expiresIn").isEqualTo("1d")
                .jsonPath("$.redirectPath").isEqualTo("/dashboard")
                .jsonPath("$.user.email").isEqualTo(ADMIN_EMAIL)
                .jsonPath("$.user.role").isEqualTo("platform_admin")
                .jsonPath("$.user.isActive").isEqualTo(true)
                .returnResult().getResponseBodyContent();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContainIgnoringCase("password").doesNotContain("$2a$");
    }

    @Test
    void wrongPasswordUnknownEmailAndInactiveUserAllGetTheSame401() {
        String inactive = uniqueEmail("inactive");
        createUser(inactive, "inactive-password", false, UserRole.USER);

        for (Map<String, String> attempt : List.of(
                Map.of("email", ADMIN_EMAIL, "password", "not-the-password"),
                Map.of("email", uniqueEmail("nobody"), "password", "whatever-password"),
                Map.of("email", inactive, "password", "inactive-password"))) {
            http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(attempt)
                    .exchange().expectStatus().isUnauthorized()
                    .expectBody()
                    .jsonPath("$.statusCode").isEqualTo(401)
                    .jsonPath("$.message").isEqualTo("Invalid email or password")
                    .jsonPath("$.path").isEqualTo("/api/v1/auth/login")
                    .jsonPath("$.accessToken").doesNotExist();
        }
    }

    @Test
    void usersMeNeedsAValidToken() {
        http.get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.statusCode").isEqualTo(401).jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth("not-a-jwt")).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(adminToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(ADMIN_EMAIL)
                .jsonPath("$.role").isEqualTo("platform_admin");
    }

    @Test
    void aTokenStopsWorkingOnceTheUsersSessionsAreRevoked() {
        String email = uniqueEmail("revoked");
        UUID id = createUser(email, "revoked-password", true, UserRole.USER);
        String token = login(email, "revoked-password");
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        commands.send(new RevokeUserSessionsCommand(id, "it"), Actor.system("it")).block(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isUnauthorized());
        String fresh = login(email, "revoked-password");
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(fresh)).exchange().expectStatus().isOk();
    }

    @Test
    void everyLoginAttemptIsAuditedWithActorAddressAndAgent() {
        String agent = "audit-probe/" + UUID.randomUUID();
        http.post().uri("/api/v1/auth/login").header("User-Agent", agent).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/auth/login").header("User-Agent", agent).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ADMIN_EMAIL, "password", "a-wrong-password")).exchange()
                .expectStatus().isUnauthorized();
        String token = adminToken();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<String, Object>> entries = auditEntries(token, "auth.login");
            List<Map<String, Object>> mine = entries.stream().filter(e -> agent.equals(e.get("userAgent"))).toList();
            assertThat(mine).extracting(e -> e.get("action"))
                    .containsExactly("auth.login.failed", "auth.login.success"); // newest first
            Map<String, Object> success = mine.get(1);
            assertThat(success.get("scope")).isEqualTo("platform");
            assertThat(success.get("actorType")).isEqualTo("user");
            assertThat(success.get("actorEmailSnapshot")).isEqualTo(ADMIN_EMAIL);
            assertThat(success.get("actorUserId")).isNotNull();
            assertThat(success.get("ipAddress")).isEqualTo("127.0.0.1");
            assertThat(success.get("targetType")).isEqualTo("user");
            assertThat(mine.get(0).get("metadata")).isEqualTo(Map.of("reason", "wrong_password",
                    "correlationId", ((Map<?, ?>) mine.get(0).get("metadata")).get("correlationId")));
        });
    }

    @Test
    void auditLogIsForPlatformAdminsAndClampsItsLimit() {
        String email = uniqueEmail("plain");
        createUser(email, "plain-user-password", true, UserRole.USER);
        http.get().uri("/api/v1/audit-logs").headers(h -> h.setBearerAuth(login(email, "plain-user-password")))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.statusCode").isEqualTo(403);

        String token = adminToken();
        http.get().uri("/api/v1/audit-logs?limit=1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        http.get().uri("/api/v1/audit-logs?limit=0").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void auditLogFiltersByActorTargetTypeTimeAndPage() {
        String email = uniqueEmail("filtered");
        UUID id = createUser(email, "filtered-password", true, UserRole.USER);
        java.time.Instant before = java.time.Instant.now();
        login(email, "filtered-password");
        String token = adminToken();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<String, Object>> byEmail = query(token, "actor=" + email.substring(0, 12));
            assertThat(byEmail).extracting(e -> e.get("action")).containsExactly("auth.login.success");
            assertThat(query(token, "actor=" + id)).hasSize(1);
        });
        assertThat(query(token, "targetType=user&action=user.created"))
                .allSatisfy(e -> assertThat(e.get("action")).isEqualTo("user.created"))
                .anySatisfy(e -> assertThat(e.get("targetLabel")).isEqualTo(email));
        assertThat(query(token, "action=auth.login.success&from=" + before))
                .allSatisfy(e -> assertThat(java.time.Instant.parse((String) e.get("createdAt"))).isAfterOrEqualTo(before))
                .isNotEmpty();
        assertThat(query(token, "to=" + before.minusSeconds(3600) + "&action=auth.login.success")).isEmpty();
        List<Map<String, Object>> firstTwo = query(token, "limit=2");
        assertThat(query(token, "limit=1&offset=1")).extracting(e -> e.get("id")).containsExactly(firstTwo.get(1).get("id"));
        assertThat(query(token, "actor=" + "%")).isEmpty(); // matched literally, not as a pattern
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> query(String token, String params) {
        return http.get().uri("/api/v1/audit-logs?" + params).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditEntries(String token, String action) {
        return http.get().uri("/api/v1/audit-logs?limit=100&action=" + action).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }
}
