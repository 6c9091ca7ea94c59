package io.nodeplane.api.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.node.NodeSupport;
import io.nodeplane.api.support.TestMail;
import io.nodeplane.api.support.TestMail.Mail;
import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The platform admin's user directory and the invitation flow, with real e-mails (contract §2.5). */
class UserDirectoryIT extends NodeSupport {

    private static final String USERS = "/api/v1/users";

    private ResponseSpec invite(String token, Map<String, ?> body) {
        return post(token, USERS, body);
    }

    private UUID invited(String admin, String email, String role) {
        Map<?, ?> user = invite(admin, Map.of("email", email, "name", "Invited Person", "role", role))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) user.get("id"));
    }

    private static String invitationToken(String email, int nth) {
        return TestMail.token(TestMail.awaitMails(email, nth).get(nth - 1), "/invitations");
    }

    private ResponseSpec accept(String token, Map<String, ?> body) {
        return publicPost("/api/v1/auth/invitations/" + token + "/accept", body);
    }

    private ResponseSpec preview(String token) {
        return http.get().uri("/api/v1/auth/invitations/" + token).exchange();
    }

    private ResponseSpec delete(String token, UUID userId) {
        return http.delete().uri(USERS + "/" + userId).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private ResponseSpec me(String token) {
        return http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private void awaitUnauthorized(String token) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> me(token).expectStatus().isUnauthorized());
    }

    @Test
    void anInvitedUserIsPendingUntilTheyAcceptTheMailedLinkAndThenSignsIn() {
        String admin = adminToken();
        String email = uniqueEmail("invitee");
        invite(admin, Map.of("email", email, "name", "Grace Hopper")).expectStatus().isCreated().expectBody()
                .jsonPath("$.email").isEqualTo(email).jsonPath("$.name").isEqualTo("Grace Hopper")
                .jsonPath("$.role").isEqualTo("user").jsonPath("$.isActive").isEqualTo(false)
                .jsonPath("$.inviteStatus").isEqualTo("pending").jsonPath("$.lastInvitedAt").isNotEmpty()
                .jsonPath("$.activatedAt").doesNotExist();
        publicPost("/api/v1/auth/login", Map.of("email", email, "password", "any-password-at-all"))
                .expectStatus().isUnauthorized();

        Mail mail = TestMail.awaitMails(email, 1).get(0);
        assertThat(mail.from()).contains(MAIL_FROM);
        assertThat(mail.text()).contains(WEB_APP_URL + "/invitations/");
        String token = TestMail.token(mail, "/invitations");
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, base64url
        assertThat(DB.queryLong("SELECT count(*) FROM domain_event_entry WHERE position('" + token
                + "' IN convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '')) > 0")).isZero();

        preview(token).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.name").isEqualTo("Grace Hopper").jsonPath("$.expiresAt").isNotEmpty();
        accept(token, Map.of("password", "short")).expectStatus().isBadRequest();
        accept(token, Map.of("name", "Rear Admiral Hopper", "password", "cobol-forever-1")).expectStatus().isOk()
                .expectBody().jsonPath("$.isActive").isEqualTo(true).jsonPath("$.inviteStatus").isEqualTo("accepted")
                .jsonPath("$.name").isEqualTo("Rear Admiral Hopper").jsonPath("$.activatedAt").isNotEmpty();

        String session = login(email, "cobol-forever-1");
        me(session).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);
        // single use: the spent link answers 410 to both routes
        preview(token).expectStatus().isEqualTo(410).expectBody().jsonPath("$.code").isEqualTo("TOKEN_GONE");
        accept(token, Map.of("password", "another-password-2")).expectStatus().isEqualTo(410);
        login(email, "cobol-forever-1");
    }

    @Test
    void badInvitationsAreRefusedPreciselyAndStoreNothing() {
        String admin = adminToken();
        String email = uniqueEmail("Taken");
        invited(admin, email, "user");
        long before = userEvents();

        invite(admin, Map.of("email", uniqueEmail("pw"), "name", "X", "password", "inline-password"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PASSWORD_NOT_ALLOWED");
        invite(admin, Map.of("email", "not-an-address", "name", "X")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isNotEmpty();
        invite(admin, Map.of("email", uniqueEmail("role"), "name", "X", "role", "root")).expectStatus().isBadRequest();
        invite(admin, Map.of("email", uniqueEmail("noname"))).expectStatus().isBadRequest();
        invite(admin, Map.of("email", email.toUpperCase(), "name", "Twin")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("USER_EMAIL_TAKEN");

        assertThat(userEvents()).isEqualTo(before);
    }

    /** Events of the user context only: other tests' nodes may go offline meanwhile. */
    private static long userEvents() {
        return DB.queryLong("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE 'io.nodeplane.events.user.%'");
    }

    @Test
    void onlyPlatformAdminsUseTheDirectory() {
        Person plain = person("plain");
        UUID someone = plain.id();
        http.get().uri(USERS).headers(h -> h.setBearerAuth(plain.token())).exchange().expectStatus().isForbidden();
        invite(plain.token(), Map.of("email", uniqueEmail("x"), "name", "X")).expectStatus().isForbidden();
        patch(plain.token(), USERS + "/" + someone, Map.of("name", "Y")).expectStatus().isForbidden();
        delete(plain.token(), someone).expectStatus().isForbidden();
        post(plain.token(), USERS + "/" + someone + "/resend-invite", Map.of()).expectStatus().isForbidden();
        http.get().uri(USERS).exchange().expectStatus().isUnauthorized();

        List<?> all = http.get().uri(USERS).headers(h -> h.setBearerAuth(adminToken())).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(all.stream().map(u -> (Object) ((Map<?, ?>) u).get("email")).toList())
                .contains(ADMIN_EMAIL, plain.email());
        assertThat(all.toString()).doesNotContain("$2a$").doesNotContainIgnoringCase("password");
    }

    @Test
    void resendRotatesTheLinkSoTheOldOneAnswers410() {
        String admin = adminToken();
        String email = uniqueEmail("resend");
        UUID id = invited(admin, email, "user");
        String first = invitationToken(email, 1);

        post(admin, USERS + "/" + id + "/resend-invite", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.inviteStatus").isEqualTo("pending");
        String second = invitationToken(email, 2);
        assertThat(second).isNotEqualTo(first);
        preview(first).expectStatus().isEqualTo(410);
        accept(first, Map.of("password", "first-link-password")).expectStatus().isEqualTo(410);
        accept(second, Map.of("password", "second-link-password")).expectStatus().isOk();
        login(email, "second-link-password");

        post(admin, USERS + "/" + id + "/resend-invite", Map.of()).expectStatus().isEqualTo(409);
        post(admin, USERS + "/" + UUID.randomUUID() + "/resend-invite", Map.of()).expectStatus().isNotFound();
    }

    @Test
    void unknownLinksAre404AndExpiredOnes410() {
        preview("no-such-token").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("TOKEN_NOT_FOUND");
        accept("no-such-token", Map.of("password", "whatever-password")).expectStatus().isNotFound();

        String email = uniqueEmail("late");
        invited(adminToken(), email, "user");
        String token = invitationToken(email, 1);
        try {
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            preview(token).expectStatus().isEqualTo(410);
            accept(token, Map.of("password", "too-late-password")).expectStatus().isEqualTo(410);
        } finally {
            clock.reset();
        }
        accept(token, Map.of("password", "in-time-password")).expectStatus().isOk();
    }

    @Test
    void aPendingInviteeCannotBeActivatedNorJoinAWorkspace() {
        String admin = adminToken();
        UUID id = invited(admin, uniqueEmail("pending"), "user");
        patch(admin, USERS + "/" + id, Map.of("isActive", true)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("USER_INVITATION_PENDING");
        UUID ws = createWorkspace(admin, unique("Pending"));
        post(admin, "/api/v1/workspaces/" + ws + "/members", Map.of("userId", id.toString(), "role", "member"))
                .expectStatus().isBadRequest();
        patch(admin, USERS + "/" + UUID.randomUUID(), Map.of("name", "Nobody")).expectStatus().isNotFound();
        patch(admin, USERS + "/" + id, Map.of("role", "superuser")).expectStatus().isBadRequest();
        patch(admin, USERS + "/" + id, Map.of("name", "  ")).expectStatus().isBadRequest();
    }

    @Test
    void roleChangesAndDeactivationEndSessionsAndReactivationRestoresSignIn() {
        String admin = adminToken();
        Person p = person("managed");
        patch(admin, USERS + "/" + p.id(), Map.of("name", "Renamed Person")).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Renamed Person");
        me(p.token()).expectStatus().isOk(); // a rename keeps sessions

        patch(admin, USERS + "/" + p.id(), Map.of("role", "platform_admin")).expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("platform_admin");
        awaitUnauthorized(p.token());
        String promoted = login(p.email(), "person-password");
        http.get().uri(USERS).headers(h -> h.setBearerAuth(promoted)).exchange().expectStatus().isOk();

        patch(admin, USERS + "/" + p.id(), Map.of("isActive", false, "role", "user")).expectStatus().isOk()
                .expectBody().jsonPath("$.isActive").isEqualTo(false);
        awaitUnauthorized(promoted);
        publicPost("/api/v1/auth/login", Map.of("email", p.email(), "password", "person-password"))
                .expectStatus().isUnauthorized();

        patch(admin, USERS + "/" + p.id(), Map.of("isActive", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.isActive").isEqualTo(true);
        me(login(p.email(), "person-password")).expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("user");
    }

    @Test
    void theLastActivePlatformAdminCannotBeDemotedDeactivatedOrDeleted() {
        String admin = adminToken();
        UUID seeded = users.byEmail(ADMIN_EMAIL).block().id();
        // leave the seeded admin as the only active platform admin (other tests may have made some)
        List<?> all = http.get().uri(USERS).headers(h -> h.setBearerAuth(admin)).exchange().expectBody(List.class)
                .returnResult().getResponseBody();
        all.stream().map(u -> (Map<?, ?>) u)
                .filter(u -> "platform_admin".equals(u.get("role")) && Boolean.TRUE.equals(u.get("isActive")))
                .filter(u -> !seeded.toString().equals(u.get("id")))
                .forEach(u -> patch(admin, USERS + "/" + u.get("id"), Map.of("isActive", false)).expectStatus().isOk());

        patch(admin, USERS + "/" + seeded, Map.of("role", "user")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("LAST_PLATFORM_ADMIN");
        patch(admin, USERS + "/" + seeded, Map.of("isActive", false)).expectStatus().isEqualTo(409);
        delete(admin, seeded).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("LAST_PLATFORM_ADMIN");

        // with a second active admin, one of them may step down
        String second = uniqueEmail("second-admin");
        UUID secondId = createUser(second, "second-admin-password", true, UserRole.PLATFORM_ADMIN);
        patch(admin, USERS + "/" + secondId, Map.of("role", "user")).expectStatus().isOk();
        patch(admin, USERS + "/" + seeded, Map.of("role", "user")).expectStatus().isEqualTo(409);
        me(adminToken()).expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("platform_admin");
    }

    @Test
    void aUserWithMembershipsOrSchedulesCannotBeDeletedUntilTheyAreGone() {
        String admin = adminToken();
        Fleet fleet = fleet("Deletion");
        Person member = person("member");
        UUID membership = addMember(admin, fleet.workspace(), member.id(), "member");
        UUID team = createTeam(admin, fleet.workspace(), unique("Ops"));
        addTeamMember(admin, fleet.workspace(), team, member.id());

        delete(admin, member.id()).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code")
                .isEqualTo("USER_HAS_ASSIGNMENTS");
        http.delete().uri("/api/v1/workspaces/" + fleet.workspace() + "/teams/" + team + "/members/" + member.id())
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().is2xxSuccessful();
        delete(admin, member.id()).expectStatus().isEqualTo(409);
        http.delete().uri("/api/v1/workspaces/" + fleet.workspace() + "/members/" + membership)
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().is2xxSuccessful();
        delete(admin, member.id()).expectStatus().isOk().expectBody().jsonPath("$.deleted").isEqualTo(true)
                .jsonPath("$.id").isEqualTo(member.id().toString());
        awaitUnauthorized(member.token());
        delete(admin, member.id()).expectStatus().isNotFound();
        assertThat(users.byId(member.id()).blockOptional()).isEmpty();
        invited(admin, member.email().toUpperCase(), "user"); // the address is free again

        // a schedule's owner, with no membership at all
        String ownerEmail = uniqueEmail("schedule-owner");
        UUID owner = createUser(ownerEmail, "schedule-owner-password", true, UserRole.PLATFORM_ADMIN);
        String ownerToken = login(ownerEmail, "schedule-owner-password");
        Map<String, Object> body = new HashMap<>(Map.of("nodeId", fleet.nodeId().toString(), "name", "owned",
                "command", "true", "cadence", "hourly", "minute", 5));
        Map<?, ?> schedule = post(ownerToken, "/api/v1/scheduled-tasks", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        delete(admin, owner).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("USER_HAS_ASSIGNMENTS");
        http.delete().uri("/api/v1/scheduled-tasks/" + schedule.get("id")).headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().is2xxSuccessful();
        delete(admin, owner).expectStatus().isOk();
    }

    @Test
    void directoryChangesAreAudited() {
        String admin = adminToken();
        String email = uniqueEmail("audited");
        UUID id = invited(admin, email, "user");
        accept(invitationToken(email, 1), Map.of("password", "audited-password")).expectStatus().isOk();
        patch(admin, USERS + "/" + id, Map.of("name", "Audited Person")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<?> entries = http.get().uri("/api/v1/audit-logs?targetType=user&limit=100")
                    .headers(h -> h.setBearerAuth(admin)).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectBody(List.class).returnResult().getResponseBody();
            assertThat(entries.stream().map(e -> (Map<?, ?>) e).filter(e -> id.toString().equals(e.get("targetId")))
                    .map(e -> (Object) e.get("action")).toList())
                    .contains("user.created", "user.invitation.sent", "user.invitation.accepted", "user.updated");
        });
    }
}
