package io.nodeplane.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class AuditReplayIT extends ApplicationIT {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() { };

    @Test
    @SuppressWarnings("unchecked")
    void replayReturnsStoredEventsInGlobalOrderWithMetadataAndNoSecrets() {
        createUser(uniqueEmail("replay"), "replay-password", true, UserRole.USER);
        String token = adminToken();
        List<Map<String, Object>> events = page(token, 0, 1000);

        assertThat(events).isNotEmpty();
        List<Long> indexes = events.stream().map(e -> ((Number) e.get("globalIndex")).longValue()).toList();
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
        Map<String, Object> first = events.get(0);
        assertThat(first.get("payloadType")).isEqualTo("io.nodeplane.events.user.UserCreatedEvent");
        assertThat(first.get("payloadRevision")).isEqualTo("1");
        assertThat((Map<String, Object>) first.get("payload")).containsEntry("email", ADMIN_EMAIL);
        assertThat((Map<String, Object>) first.get("metadata")).containsEntry("actorType", "system");
        assertThat(events.toString()).doesNotContain("$2a$").doesNotContainIgnoringCase("passwordHash")
                .doesNotContain("replay-password");

        long middle = indexes.get(indexes.size() / 2);
        assertThat(page(token, middle, 1000)).allSatisfy(e ->
                assertThat(((Number) e.get("globalIndex")).longValue()).isGreaterThan(middle));
        assertThat(page(token, 0, 2)).hasSize(2);
    }

    @Test
    void theStreamResumesAfterLastEventIdAndThenFollowsNewEvents() {
        String token = adminToken();
        List<Map<String, Object>> stored = page(token, 0, 1000);
        assertThat(stored.size()).isGreaterThanOrEqualTo(3);
        long resumeAfter = ((Number) stored.get(1).get("globalIndex")).longValue();
        long expectedNext = ((Number) stored.get(2).get("globalIndex")).longValue();
        long head = ((Number) stored.get(stored.size() - 1).get("globalIndex")).longValue();

        Flux<ServerSentEvent<Map<String, Object>>> stream = http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/v1/audit/events/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", Long.toString(resumeAfter)).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody()
                .filter(e -> e.id() != null);

        // everything already stored after the resume point, then the live login made below
        int replayed = (int) stored.stream().filter(e -> ((Number) e.get("globalIndex")).longValue() > resumeAfter).count();
        List<ServerSentEvent<Map<String, Object>>> received = stream
                .publishOn(Schedulers.boundedElastic()) // the login below blocks
                .doOnNext(e -> {
                    if (Long.parseLong(e.id()) == head) {
                        login(ADMIN_EMAIL, ADMIN_PASSWORD); // appends a LoginSucceededEvent while we follow
                    }
                })
                .take(replayed + 1).collectList().block(Duration.ofSeconds(30));

        assertThat(received).hasSize(replayed + 1);
        assertThat(Long.parseLong(received.get(0).id())).isEqualTo(expectedNext);
        List<Long> ids = received.stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        ServerSentEvent<Map<String, Object>> live = received.get(received.size() - 1);
        assertThat(Long.parseLong(live.id())).isGreaterThan(head);
        assertThat(live.data()).containsEntry("payloadType", "io.nodeplane.events.auth.LoginSucceededEvent");
    }

    @Test
    void replayIsForPlatformAdminsOnly() {
        String email = uniqueEmail("auditor");
        createUser(email, "auditor-password", true, UserRole.USER);
        String token = login(email, "auditor-password");
        http.get().uri("/api/v1/audit/events").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/audit/events/stream").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/audit/events?after=-1").headers(h -> h.setBearerAuth(adminToken())).exchange()
                .expectStatus().isBadRequest();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> page(String token, long after, int limit) {
        return http.get().uri("/api/v1/audit/events?after=" + after + "&limit=" + limit)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }
}
