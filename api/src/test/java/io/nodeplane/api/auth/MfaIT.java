package io.nodeplane.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * TOTP multi-factor sign-in over HTTP, with codes computed here from the secret (RFC 6238, {@link TotpCodes}).
 * Time is the application's {@code TestClock}: a test aligns it to the start of a 30-second step before it
 * relies on which step is current, and only ever moves it forward (a user's last accepted step stays behind).
 */
class MfaIT extends ApplicationIT {

    private static final String PASSWORD = "mfa-password-1";

    /** A signed-in user with MFA on: their session, secret and recovery codes. */
    private record Enabled(UUID id, String email, String session, String secret, List<String> recoveryCodes) {
    }

    private ResponseSpec post(String path, String token, Map<String, ?> body) {
        return http.post().uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private ResponseSpec disable(String token, Map<String, ?> body) {
        return http.method(HttpMethod.DELETE).uri("/api/v1/auth/mfa").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Moves the clock to just after the start of the next step and answers that step. */
    private long alignedStep() {
        long millis = clock.millis();
        clock.advance(Duration.ofMillis(30_000 - Math.floorMod(millis, 30_000) + 200));
        return TotpCodes.step(clock.instant());
    }

    private Map<?, ?> initiate(String session) {
        return post("/api/v1/auth/mfa/setup/initiate", session, Map.of()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Enabled enabledUser(String prefix) {
        String email = uniqueEmail(prefix);
        UUID id = createUser(email, PASSWORD, true, UserRole.USER);
        String session = login(email, PASSWORD);
        String secret = (String) initiate(session).get("secret");
        List<String> codes = recoveryCodes(post("/api/v1/auth/mfa/setup/confirm", session,
                Map.of("code", TotpCodes.code(secret, alignedStep()))).expectStatus().isOk());
        clock.advance(Duration.ofMinutes(1)); // the confirming code's step lies behind every step a test then uses
        return new Enabled(id, email, session, secret, codes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> recoveryCodes(ResponseSpec response) {
        return (List<String>) response.expectBody(Map.class).returnResult().getResponseBody().get("recoveryCodes");
    }

    /** Signs in with the password, expects the MFA challenge and answers its token. */
    private String challenge(String email) {
        Map<String, Object> body = json(post("/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD))
                .expectStatus().isOk());
        assertThat(body).containsEntry("requiresMfa", true).doesNotContainKeys("accessToken", "user");
        return (String) body.get("mfaChallengeToken");
    }

    private ResponseSpec verify(String challenge, String code) {
        return post("/api/v1/auth/mfa/challenge/verify", null, Map.of("challengeToken", challenge, "code", code));
    }

    private ResponseSpec recover(String challenge, String recoveryCode) {
        return post("/api/v1/auth/mfa/recovery/verify", null, Map.of("challengeToken", challenge, "recoveryCode", recoveryCode));
    }

    private String accessToken(ResponseSpec response) {
        Map<String, Object> body = json(response.expectStatus().isOk());
        assertThat(body).containsKeys("user", "expiresIn").doesNotContainKeys("requiresMfa", "mfaChallengeToken");
        return (String) body.get("accessToken");
    }

    private void me(String token) {
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    /** Events of users and sign-ins; background work of other tests (stale tasks, offline nodes) stores others meanwhile. */
    private static long accountEvents() {
        return DB.queryLong("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE 'io.nodeplane.events.user.%' "
                + "OR payload_type LIKE 'io.nodeplane.events.auth.%'");
    }

    private static long audited(UUID userId, String action) {
        return DB.queryLong("SELECT count(*) FROM audit_log_view WHERE target_id = '" + userId + "' AND action = '" + action + "'");
    }

    @Test
    void setupConfirmThenSignInNeedsACodeAndSecretsStayOutOfEventsAndResponses() {
        String email = uniqueEmail("mfa-setup");
        UUID id = createUser(email, PASSWORD, true, UserRole.USER);
        String session = login(email, PASSWORD);
        Map<?, ?> setup = initiate(session);
        String secret = (String) setup.get("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(setup.get("otpauthUrl")).isEqualTo("otpauth://totp/Nodeplane:" + email + "?secret=" + secret + "&issuer=Nodeplane");
        assertThat(login(email, PASSWORD)).isNotBlank(); // pending: signing in still needs only the password

        long before = accountEvents();
        long step = alignedStep();
        post("/api/v1/auth/mfa/setup/confirm", session, Map.of("code", TotpCodes.code(secret, step + 2)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("MFA_CODE_INVALID");
        assertThat(accountEvents()).isEqualTo(before);
        List<String> codes = recoveryCodes(post("/api/v1/auth/mfa/setup/confirm", session,
                Map.of("code", TotpCodes.code(secret, step))).expectStatus().isOk());
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(session)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.mfaEnabled").isEqualTo(true).jsonPath("$.mfaEnabledAt").isNotEmpty();
        post("/api/v1/auth/mfa/setup/confirm", session, Map.of("code", TotpCodes.code(secret, step)))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("MFA_ALREADY_ENABLED");
        post("/api/v1/auth/mfa/setup/initiate", session, Map.of()).expectStatus().isEqualTo(409);

        String challenge = challenge(email);
        verify(challenge, TotpCodes.code(secret, step)).expectStatus().isUnauthorized(); // the confirming code's step is spent
        String token = accessToken(verify(challenge, TotpCodes.code(secret, step + 1))); // a refused answer left it usable
        me(token);
        verify(challenge, TotpCodes.code(secret, alignedStep())).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("MFA_CHALLENGE_INVALID"); // single use

        String sealed = DB.queryString("SELECT encode(secret, 'hex') FROM user_mfa WHERE user_id = '" + id + "'");
        assertThat(sealed).hasSize(2 * (12 + 20 + 16)).doesNotContain(java.util.HexFormat.of().formatHex(TotpCodes.base32(secret)));
        for (String value : List.of(secret, challenge, codes.get(0), codes.get(0).replace("-", ""))) {
            assertThat(DB.queryLong("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE '%"
                    + value + "%' OR convert_from(meta_data, 'UTF8') LIKE '%" + value + "%'")).isZero();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(audited(id, "user.mfa.setup-started")).as("setup started").isEqualTo(1);
            assertThat(audited(id, "user.mfa.enabled")).isEqualTo(1);
            assertThat(audited(id, "auth.mfa.challenge.issued")).isEqualTo(1);
            assertThat(audited(id, "auth.mfa.failed")).as("replayed code, used challenge").isEqualTo(2);
            assertThat(audited(id, "auth.login.success")).as("two with the password only, one with MFA").isEqualTo(3);
        });
    }

    @Test
    void aCodeWorksOnceAndOneStepOfDriftIsAcceptedButNotTwo() {
        Enabled user = enabledUser("mfa-drift");
        long step = alignedStep();
        String challenge = challenge(user.email());
        verify(challenge, TotpCodes.code(user.secret(), step + 2)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("MFA_CODE_INVALID");
        verify(challenge, TotpCodes.code(user.secret(), step - 2)).expectStatus().isUnauthorized();
        me(accessToken(verify(challenge, TotpCodes.code(user.secret(), step - 1))));

        String replayed = challenge(user.email());
        verify(replayed, TotpCodes.code(user.secret(), step - 1)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("MFA_CODE_INVALID");
        me(accessToken(verify(replayed, TotpCodes.code(user.secret(), step + 1))));
        // step + 1 is now the last accepted: the current step is older, so its code is refused as well
        verify(challenge(user.email()), TotpCodes.code(user.secret(), step)).expectStatus().isUnauthorized();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(audited(user.id(), "auth.mfa.failed")).isEqualTo(4));
        assertThat(DB.queryString("SELECT string_agg(metadata ->> 'reason', ',' ORDER BY global_index) FROM audit_log_view "
                + "WHERE target_id = '" + user.id() + "' AND action = 'auth.mfa.failed'"))
                .isEqualTo("wrong_code,wrong_code,replayed_code,replayed_code");
    }

    @Test
    void aChallengeExpiresAfterFiveMinutes() {
        Enabled user = enabledUser("mfa-expiry");
        String challenge = challenge(user.email());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        verify(challenge, TotpCodes.code(user.secret(), alignedStep())).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("MFA_CHALLENGE_INVALID");
        recover(challenge, user.recoveryCodes().get(0)).expectStatus().isUnauthorized();
        me(accessToken(verify(challenge(user.email()), TotpCodes.code(user.secret(), TotpCodes.step(clock.instant())))));
    }

    @Test
    void aRecoveryCodeSignsInOnceAndRegeneratingReplacesEveryCode() {
        Enabled user = enabledUser("mfa-recovery");
        String first = user.recoveryCodes().get(0);
        me(accessToken(recover(challenge(user.email()), first.toUpperCase())));
        recover(challenge(user.email()), first).expectStatus().isUnauthorized();
        recover(challenge(user.email()), "aaaaa-aaaaa").expectStatus().isUnauthorized();

        long step = alignedStep();
        post("/api/v1/auth/mfa/recovery/regenerate", user.session(), Map.of("code", "000000")).expectStatus().isBadRequest();
        List<String> fresh = recoveryCodes(post("/api/v1/auth/mfa/recovery/regenerate", user.session(),
                Map.of("code", TotpCodes.code(user.secret(), step))).expectStatus().isOk());
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(user.recoveryCodes());
        post("/api/v1/auth/mfa/recovery/regenerate", user.session(), Map.of("code", TotpCodes.code(user.secret(), step)))
                .expectStatus().isBadRequest(); // that code's step is spent
        recover(challenge(user.email()), user.recoveryCodes().get(1)).expectStatus().isUnauthorized();
        me(accessToken(recover(challenge(user.email()), fresh.get(9))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(audited(user.id(), "user.mfa.recovery-code.used")).isEqualTo(2);
            assertThat(audited(user.id(), "user.mfa.recovery-codes.regenerated")).isEqualTo(1);
        });
    }

    @Test
    void disablingNeedsThePasswordOrACode() {
        Enabled user = enabledUser("mfa-disable");
        long step = alignedStep();
        String code = TotpCodes.code(user.secret(), step);
        long before = accountEvents();
        disable(user.session(), Map.of("password", "not-the-password")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("CURRENT_PASSWORD_INVALID");
        disable(user.session(), Map.of("password", PASSWORD, "code", code)).expectStatus().isBadRequest();
        disable(user.session(), Map.of()).expectStatus().isBadRequest();
        disable(user.session(), Map.of("code", TotpCodes.code(user.secret(), step + 2))).expectStatus().isBadRequest();
        assertThat(accountEvents()).isEqualTo(before);

        disable(user.session(), Map.of("password", PASSWORD)).expectStatus().isOk();
        me(login(user.email(), PASSWORD)); // the password alone signs in again
        disable(user.session(), Map.of("password", PASSWORD)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("MFA_NOT_ENABLED");
        assertThat(DB.queryLong("SELECT count(*) FROM user_mfa_recovery_code WHERE user_id = '" + user.id() + "'")).isZero();

        String secret = (String) initiate(user.session()).get("secret");
        long next = alignedStep();
        post("/api/v1/auth/mfa/setup/confirm", user.session(), Map.of("code", TotpCodes.code(secret, next))).expectStatus().isOk();
        challenge(user.email());
        disable(user.session(), Map.of("code", TotpCodes.code(secret, next))).expectStatus().isBadRequest(); // spent on confirm
        disable(user.session(), Map.of("code", TotpCodes.code(secret, next + 1))).expectStatus().isOk();
        me(login(user.email(), PASSWORD));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(DB.queryString(
                "SELECT string_agg(metadata ->> 'proof', ',' ORDER BY global_index) FROM audit_log_view WHERE target_id = '"
                        + user.id() + "' AND action = 'user.mfa.disabled'")).isEqualTo("password,code"));
    }

    @Test
    void wrongInputIsRefusedPreciselyAndChangesNothing() {
        String email = uniqueEmail("mfa-input");
        createUser(email, PASSWORD, true, UserRole.USER);
        String session = login(email, PASSWORD);
        long before = accountEvents();
        post("/api/v1/auth/mfa/setup/confirm", session, Map.of("code", "123456")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("MFA_NOT_PENDING");
        post("/api/v1/auth/mfa/recovery/regenerate", session, Map.of("code", "123456")).expectStatus().isEqualTo(409);
        disable(session, Map.of("password", PASSWORD)).expectStatus().isEqualTo(409);
        Map<String, Object> unknownField = new HashMap<>(Map.of("code", "123456", "extra", true));
        post("/api/v1/auth/mfa/setup/confirm", session, unknownField).expectStatus().isBadRequest();
        post("/api/v1/auth/mfa/setup/confirm", session, Map.of()).expectStatus().isBadRequest();
        post("/api/v1/auth/mfa/setup/initiate", null, Map.of()).expectStatus().isUnauthorized();
        post("/api/v1/auth/mfa/recovery/regenerate", null, Map.of("code", "123456")).expectStatus().isUnauthorized();
        assertThat(accountEvents()).isEqualTo(before);

        Enabled user = enabledUser("mfa-input-on");
        String challenge = challenge(user.email());
        post("/api/v1/auth/mfa/challenge/verify", null, Map.of("challengeToken", challenge, "code", "123456", "extra", 1))
                .expectStatus().isBadRequest();
        post("/api/v1/auth/mfa/challenge/verify", null, Map.of("challengeToken", challenge)).expectStatus().isBadRequest();
        verify("not-a-challenge", "123456").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("MFA_CHALLENGE_INVALID");
        verify(challenge, "abcdef").expectStatus().isUnauthorized();
        verify(challenge, "x".repeat(17)).expectStatus().isBadRequest();
        verify(UUID.randomUUID().toString(), TotpCodes.code(user.secret(), alignedStep())).expectStatus().isUnauthorized();
        // nothing above spent the real challenge
        me(accessToken(verify(challenge, TotpCodes.code(user.secret(), TotpCodes.step(clock.instant())))));
    }
}
