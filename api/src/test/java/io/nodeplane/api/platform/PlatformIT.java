package io.nodeplane.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.support.ApplicationIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformIT extends ApplicationIT {

    @Test
    void healthAnswersOnBothPathsWithoutAToken() {
        for (String path : List.of("/health", "/api/v1/health")) {
            http.get().uri(path).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.service").isEqualTo("noderax-api")
                    .jsonPath("$.status").isEqualTo("ok")
                    .jsonPath("$.timestamp").isNotEmpty()
                    .jsonPath("$.startedAt").isNotEmpty()
                    .jsonPath("$.bootId").isNotEmpty();
        }
        Map<?, ?> first = http.get().uri("/health").exchange().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = http.get().uri("/api/v1/health").exchange().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("bootId")).isEqualTo(second.get("bootId"));
    }

    @Test
    void dependenciesReportTheDatabaseAndEveryProjectionProcessor() {
        http.get().uri("/api/v1/health/dependencies").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.database.status").isEqualTo("ok")
                .jsonPath("$.database.eventStoreHead").value(h -> assertThat(((Number) h).longValue()).isPositive())
                .jsonPath("$.eventProcessors[?(@.name == 'user-view')].status").isEqualTo("running")
                .jsonPath("$.eventProcessors[?(@.name == 'audit-log')].status").isEqualTo("running")
                .jsonPath("$.eventProcessors[?(@.name == 'workspace-view')].lag").exists()
                .jsonPath("$.redis.enabled").isEqualTo(true)
                .jsonPath("$.redis.status").isEqualTo("ok");
    }

    @Test
    void firstStartSeedsTheAdminAndOneDefaultWorkspaceItOwns() {
        assertThat(DB.queryLong("SELECT count(*) FROM workspace_view WHERE is_default")).isEqualTo(1);
        assertThat(DB.queryString("SELECT slug FROM workspace_view WHERE is_default")).isEqualTo("default");
        String adminId = DB.queryString("SELECT id::text FROM user_view WHERE email_normalized = '" + ADMIN_EMAIL + "'");
        assertThat(DB.queryString("SELECT created_by_user_id::text FROM workspace_view WHERE is_default")).isEqualTo(adminId);
        String ownerEvent = DB.queryString("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE payload_type = 'io.nodeplane.events.workspace.WorkspaceMemberAddedEvent'");
        assertThat(ownerEvent).contains("\"userId\":\"" + adminId + "\"", "\"role\":\"OWNER\"");
    }

    @Test
    void prometheusMetricsArePublished() {
        String text = http.get().uri("/metrics").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(text).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void openApiDeclaresBearerAuthAndDescribesEveryOperation() throws Exception {
        byte[] json = http.get().uri("/api/v1/docs-json").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBodyContent();
        JsonNode doc = new ObjectMapper().readTree(json);
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        List<String> undocumented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().path("summary").asText().isBlank()) {
                undocumented.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertThat(undocumented).isEmpty();
        assertThat(doc.get("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/audit/events/stream")).isTrue();
        http.get().uri("/api/v1/docs").exchange().expectStatus().value(s -> assertThat(s).isBetween(200, 399));
    }
}
