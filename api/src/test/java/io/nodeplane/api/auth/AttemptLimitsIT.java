package io.nodeplane.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * Brute-force protection over HTTP, counters in the real Redis. Each test comes from an address of its own
 * (X-Forwarded-For through the one trusted proxy hop of the IT configuration), so that the address limit it
 * reaches never touches the other ITs, which all come from 127.0.0.1.
 */
class AttemptLimitsIT extends ApplicationIT {

    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redis;

    @BeforeAll
    static void connectRedis() {
        redisClient = RedisClient.create("redis://127.0.0.1:"
                + System.getenv().getOrDefault("NODEPLANE_TEST_REDIS_PORT", "6379"));
        redis = redisClient.connect();
    }

    @AfterAll
    static void disconnectRedis() {
        redis.close();
        redisClient.shutdown();
    }

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private ResponseSpec post(String ip, String path, Map<String, ?> body) {
        return http.post().uri(path).header("X-Forwarded-For", ip).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private ResponseSpec login(String ip, String email, String password) {
        return post(ip, "/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    private ResponseSpec get(String ip, String path) {
        return http.get().uri(path).header("X-Forwarded-For", ip).exchange();
    }

    private static long retryAfter(ResponseSpec refused) {
        String header = refused.expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_ATTEMPTS").jsonPath("$.statusCode").isEqualTo(429)
                .jsonPath("$.accessToken").doesNotExist()
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(header).isNotNull();
        return Long.parseLong(header);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> audit(String action) {
        String token = adminToken();
        return http.get().uri("/api/v1/audit-logs?limit=100&action=" + action).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    @Test
    void anAccountIsLockedAfterTooManyFailuresEvenForTheRightPasswordAndTheLockIsAudited() {
        String ip = address();
        String email = uniqueEmail("locked");
        createUser(email, "locked-password-1", true, UserRole.USER);
        for (int i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
            login(ip, email, "wrong-password-" + i).expectStatus().isUnauthorized();
        }

        long wait = retryAfter(login(ip, email, "locked-password-1"));
        assertThat(wait).isBetween(1L, Duration.ofMinutes(15).toSeconds());
        // the lock is the account's, wherever the next attempt comes from; the counters are in Redis
        retryAfter(login(address(), email.toUpperCase(), "locked-password-1"));
        assertThat(redis.sync().zcard(LIMITS_REDIS_PREFIX + "acct:login:" + email)).isEqualTo(MAX_FAILURES_PER_ACCOUNT);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<String, Object>> mine = audit("auth.login.throttled").stream()
                    .filter(e -> email.equals(e.get("targetLabel"))).toList();
            assertThat(mine).hasSize(1); // once per lock-out, not once per refused request
            assertThat(mine.get(0).get("ipAddress")).isEqualTo(ip);
            assertThat((Map<String, Object>) mine.get(0).get("metadata")).containsEntry("limitedBy", "account")
                    .containsKey("retryAfterSeconds");
        });
    }

    @Test
    void anotherAccountFromTheSameAddressIsUnaffectedUntilTheAddressLimitThenEveryRouteRefuses() {
        String ip = address();
        String locked = uniqueEmail("first");
        createUser(locked, "first-password-1", true, UserRole.USER);
        String other = uniqueEmail("second");
        createUser(other, "second-password-1", true, UserRole.USER);
        for (int i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
            login(ip, locked, "wrong-password-" + i).expectStatus().isUnauthorized();
        }
        retryAfter(login(ip, locked, "first-password-1"));
        login(ip, other, "second-password-1").expectStatus().isOk();

        // unknown links are failures too: they fill the address's budget (shared by every auth route)
        for (int i = MAX_FAILURES_PER_ACCOUNT; i < MAX_FAILURES_PER_IP; i++) {
            get(ip, "/api/v1/auth/invitations/unknown-link-" + i).expectStatus().isNotFound();
        }
        retryAfter(login(ip, other, "second-password-1"));
        retryAfter(get(ip, "/api/v1/auth/invitations/unknown-link"));
        retryAfter(get(ip, "/api/v1/auth/password/reset/unknown-link"));
        retryAfter(post(ip, "/api/v1/auth/password/reset/unknown-link", Map.of("password", "a-new-password-1")));
        retryAfter(post(ip, "/api/v1/auth/invitations/unknown-link/accept", Map.of("password", "a-new-password-1")));
        retryAfter(post(ip, "/api/v1/auth/password/forgot", Map.of("email", other)));
        retryAfter(post(ip, "/api/v1/auth/mfa/challenge/verify", Map.of("challengeToken", "unknown", "code", "123456")));
        retryAfter(post(ip, "/api/v1/auth/mfa/recovery/verify", Map.of("challengeToken", "unknown", "recoveryCode", "a-b")));
        // the same account from another address is fine: only the address is exhausted
        login(address(), other, "second-password-1").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(audit("auth.").stream()
                .filter(e -> ip.equals(e.get("ipAddress")) && String.valueOf(e.get("action")).endsWith(".throttled"))
                .map(e -> String.valueOf(((Map<?, ?>) e.get("metadata")).get("limitedBy"))).toList())
                .contains("account", "ip"));
    }

    @Test
    void aBurstOfConcurrentGuessesGetsNoMoreTriesThanTheLimit() {
        String ip = address();
        String email = uniqueEmail("burst");
        createUser(email, "burst-password-1", true, UserRole.USER);
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 4 * MAX_FAILURES_PER_ACCOUNT)
                .flatMap(i -> org.springframework.web.reactive.function.client.WebClient.create(baseUrl()).post()
                        .uri("/api/v1/auth/login").header("X-Forwarded-For", ip).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", "wrong-password-" + i))
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())))
                .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(MAX_FAILURES_PER_ACCOUNT);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(3 * MAX_FAILURES_PER_ACCOUNT);
    }

    @Test
    void theWindowFreesAfterTheConfiguredTime() {
        String ip = address();
        String email = uniqueEmail("patient");
        createUser(email, "patient-password-1", true, UserRole.USER);
        for (int i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
            login(ip, email, "wrong-password-" + i).expectStatus().isUnauthorized();
        }
        long wait = retryAfter(login(ip, email, "patient-password-1"));
        try {
            clock.advance(Duration.ofSeconds(wait - 5));
            retryAfter(login(ip, email, "patient-password-1"));
            clock.advance(Duration.ofSeconds(6));
            login(ip, email, "patient-password-1").expectStatus().isOk();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailuresButNotTheAddresss() {
        String ip = address();
        String email = uniqueEmail("forgiven");
        createUser(email, "forgiven-password-1", true, UserRole.USER);
        for (int i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
            login(ip, email, "wrong-password-" + i).expectStatus().isUnauthorized();
        }
        login(ip, email, "forgiven-password-1").expectStatus().isOk();
        for (int i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
            login(ip, email, "wrong-password-" + i).expectStatus().isUnauthorized();
        }
        login(ip, email, "forgiven-password-1").expectStatus().isOk();
        assertThat(redis.sync().zcard(LIMITS_REDIS_PREFIX + "ip:" + ip)).isEqualTo(2L * (MAX_FAILURES_PER_ACCOUNT - 1));
    }

    @Test
    void resetRequestsAreLimitedPerAccountWithoutLockingSignIn() {
        String ip = address();
        String email = uniqueEmail("mailbombed");
        createUser(email, "mailbombed-password-1", true, UserRole.USER);
        for (int i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
            post(ip, "/api/v1/auth/password/forgot", Map.of("email", email)).expectStatus().isOk();
        }
        retryAfter(post(address(), "/api/v1/auth/password/forgot", Map.of("email", email)));
        post(ip, "/api/v1/auth/password/forgot", Map.of("email", uniqueEmail("someone-else"))).expectStatus().isOk();
        login(ip, email, "mailbombed-password-1").expectStatus().isOk();
    }

    @Test
    void usedAndUnknownLinksCountAsFailuresButValidationErrorsDoNot() {
        String ip = address();
        for (int i = 0; i < 3; i++) {
            post(ip, "/api/v1/auth/password/reset/unknown", Map.of("password", "short")).expectStatus().isBadRequest();
        }
        assertThat(redis.sync().exists(LIMITS_REDIS_PREFIX + "ip:" + ip)).isZero();
        post(ip, "/api/v1/auth/password/reset/unknown", Map.of("password", "long-enough-1")).expectStatus().isNotFound();
        get(ip, "/api/v1/auth/password/reset/unknown").expectStatus().isNotFound();
        assertThat(redis.sync().zcard(LIMITS_REDIS_PREFIX + "ip:" + ip)).isEqualTo(2);
        // so are MFA challenges answered wrongly (here: an unknown challenge)
        post(ip, "/api/v1/auth/mfa/challenge/verify", Map.of("challengeToken", "unknown", "code", "123456"))
                .expectStatus().isUnauthorized();
        post(ip, "/api/v1/auth/mfa/recovery/verify", Map.of("challengeToken", "unknown", "recoveryCode", "a-b"))
                .expectStatus().isUnauthorized();
        assertThat(redis.sync().zcard(LIMITS_REDIS_PREFIX + "ip:" + ip)).isEqualTo(4);
    }

    @Test
    void swaggerDocumentsThe429OfEveryLimitedRoute() {
        var spec = http.get().uri("/api/v1/docs-json").exchange().expectStatus().isOk().expectBody();
        for (String operation : List.of("['/api/v1/auth/login'].post", "['/api/v1/auth/password/forgot'].post",
                "['/api/v1/auth/password/reset/{token}'].get", "['/api/v1/auth/password/reset/{token}'].post",
                "['/api/v1/auth/invitations/{token}'].get", "['/api/v1/auth/invitations/{token}/accept'].post",
                "['/api/v1/auth/mfa/challenge/verify'].post", "['/api/v1/auth/mfa/recovery/verify'].post")) {
            spec.jsonPath("$.paths" + operation + ".responses['429'].headers['Retry-After']").exists();
        }
    }
}
