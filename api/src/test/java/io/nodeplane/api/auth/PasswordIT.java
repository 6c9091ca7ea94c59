package io.nodeplane.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.api.support.TestMail;
import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Forgotten passwords (mailed reset links) and password changes; both end every session. */
class PasswordIT extends ApplicationIT {

    private ResponseSpec post(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private ResponseSpec forgot(String email) {
        return post("/api/v1/auth/password/forgot", Map.of("email", email));
    }

    private ResponseSpec reset(String token, String password) {
        return post("/api/v1/auth/password/reset/" + token, Map.of("password", password));
    }

    private ResponseSpec me(String token) {
        return http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static String resetToken(String email, int nth) {
        return TestMail.token(TestMail.awaitMails(email, nth).get(nth - 1), "/reset-password");
    }

    private ResponseSpec change(String token, String current, String next) {
        return http.post().uri("/api/v1/users/me/password").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", current, "newPassword", next)).exchange();
    }

    @Test
    void forgotAnswersTheSameForEveryAddressAndMailsOnlyActiveAccounts() {
        String unknown = uniqueEmail("unknown");
        String inactive = uniqueEmail("inactive");
        createUser(inactive, "inactive-password", false, UserRole.USER);
        String active = uniqueEmail("forgetful");
        createUser(active, "forgotten-password", true, UserRole.USER);

        byte[] first = forgot(unknown).expectStatus().isOk().expectBody().jsonPath("$.success").isEqualTo(true)
                .returnResult().getResponseBodyContent();
        byte[] second = forgot(inactive).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        byte[] third = forgot(active.toUpperCase()).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);

        assertThat(TestMail.awaitMails(active, 1).get(0).text()).contains(WEB_APP_URL + "/reset-password/");
        assertThat(TestMail.to(unknown)).isEmpty();
        assertThat(TestMail.to(inactive)).isEmpty();
        forgot("not-an-address").expectStatus().isBadRequest();
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() {
        String email = uniqueEmail("reset");
        createUser(email, "old-password-1", true, UserRole.USER);
        String session = login(email, "old-password-1");
        forgot(email).expectStatus().isOk();
        String token = resetToken(email, 1);

        http.get().uri("/api/v1/auth/password/reset/" + token).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo(email).jsonPath("$.expiresAt").isNotEmpty();
        http.get().uri("/api/v1/auth/invitations/" + token).exchange().expectStatus().isNotFound(); // not an invitation
        reset(token, "short").expectStatus().isBadRequest();
        reset(token, "new-password-2").expectStatus().isOk().expectBody().jsonPath("$.success").isEqualTo(true);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> me(session).expectStatus().isUnauthorized());
        post("/api/v1/auth/login", Map.of("email", email, "password", "old-password-1")).expectStatus().isUnauthorized();
        me(login(email, "new-password-2")).expectStatus().isOk();
        reset(token, "third-password-3").expectStatus().isEqualTo(410);
        http.get().uri("/api/v1/auth/password/reset/" + token).exchange().expectStatus().isEqualTo(410);
        reset("unknown-token", "third-password-3").expectStatus().isNotFound();
    }

    @Test
    void aNewerResetLinkRevokesTheOlderOneAndLinksExpireAfterAnHour() {
        String email = uniqueEmail("twice");
        createUser(email, "twice-password-1", true, UserRole.USER);
        forgot(email).expectStatus().isOk();
        String older = resetToken(email, 1);
        forgot(email).expectStatus().isOk();
        String newer = resetToken(email, 2);
        reset(older, "twice-password-2").expectStatus().isEqualTo(410);

        try {
            clock.advance(Duration.ofMinutes(61));
            reset(newer, "twice-password-2").expectStatus().isEqualTo(410)
                    .expectBody().jsonPath("$.code").isEqualTo("TOKEN_GONE");
        } finally {
            clock.reset();
        }
        reset(newer, "twice-password-2").expectStatus().isOk();
        login(email, "twice-password-2");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEverySession() {
        String email = uniqueEmail("changer");
        createUser(email, "current-password-1", true, UserRole.USER);
        String session = login(email, "current-password-1");
        String other = login(email, "current-password-1");

        change(session, "not-the-password", "next-password-2").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("CURRENT_PASSWORD_INVALID");
        change(session, "current-password-1", "short").expectStatus().isBadRequest();
        http.post().uri("/api/v1/users/me/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "current-password-1", "newPassword", "next-password-2"))
                .exchange().expectStatus().isUnauthorized();
        me(session).expectStatus().isOk(); // refused changes keep the sessions

        change(session, "current-password-1", "next-password-2").expectStatus().isOk();
        me(session).expectStatus().isUnauthorized();
        me(other).expectStatus().isUnauthorized();
        post("/api/v1/auth/login", Map.of("email", email, "password", "current-password-1")).expectStatus().isUnauthorized();
        me(login(email, "next-password-2")).expectStatus().isOk();
    }
}
