package io.nodeplane.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** One-click install (contract §1.3 item 2, scenario 5), including the real install script. */
class NodeInstallIT extends NodeSupport {

    @LocalServerPort
    int port;

    private Map<?, ?> createInstall(String token, UUID workspace, Map<String, ?> body, String publicUrl) {
        return http.post().uri("/api/v1/workspaces/" + workspace + "/node-installs").headers(h -> {
                    h.setBearerAuth(token);
                    if (publicUrl != null) {
                        h.set("x-noderax-public-api-url", publicUrl);
                    }
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String tokenOf(Map<?, ?> install) {
        String command = (String) install.get("installCommand");
        return command.substring(command.indexOf("--bootstrap-token '") + 19, command.length() - 1);
    }

    @Test
    void anInstallTokenIsConsumedOnceAndCreatesTheNodeInItsTeam() {
        String admin = adminToken();
        UUID workspace = createWorkspace(admin, unique("Install"));
        UUID team = createTeam(admin, workspace, "edge");
        Person member = person("member");
        addMember(admin, workspace, member.id(), "member");
        post(member.token(), "/api/v1/workspaces/" + workspace + "/node-installs", Map.of("nodeName", "edge-1"))
                .expectStatus().isForbidden();

        Map<?, ?> install = createInstall(admin, workspace, Map.of("nodeName", "edge-1", "description", "rack 4",
                "teamId", team.toString()), "https://fleet.example.com/api/v1");
        assertThat(map(install)).containsEntry("status", "pending").containsEntry("stage", "command_generated")
                .containsEntry("progressPercent", 5).containsEntry("apiUrl", "https://fleet.example.com")
                .containsEntry("scriptUrl", "https://fleet.example.com/install.sh");
        String token = tokenOf(install);
        assertThat((String) install.get("installCommand")).isEqualTo("curl -fsSL 'https://fleet.example.com/install.sh'"
                + " | sudo bash -s -- --api-url 'https://fleet.example.com' --bootstrap-token '" + token + "'");

        publicPost("/api/v1/node-installs/progress", Map.of("token", token, "stage", "installer_started",
                "status", "installing", "progressPercent", 8)).expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("installer_started").jsonPath("$.status").isEqualTo("installing");
        String hostname = host("edge");
        Map<?, ?> consumed = publicPost("/api/v1/node-installs/consume", Map.of("token", token, "hostname", hostname,
                "additionalInfo", Map.of("os", "linux", "arch", "amd64", "agentVersion", "1.0.7",
                        "platformVersion", "Ubuntu 24.04", "kernelVersion", "6.8.0")))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        UUID nodeId = UUID.fromString((String) consumed.get("nodeId"));
        publicPost("/api/v1/node-installs/consume", Map.of("token", token, "hostname", host("other")))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.message").isEqualTo("Bootstrap token has already been used");

        Map<String, Object> node = node(admin, workspace, nodeId);
        assertThat(node).containsEntry("name", "edge-1").containsEntry("description", "rack 4")
                .containsEntry("hostname", hostname).containsEntry("teamId", team.toString())
                .containsEntry("teamName", "edge").containsEntry("status", "offline")
                .containsEntry("platformVersion", "Ubuntu 24.04").containsEntry("kernelVersion", "6.8.0");
        Map<?, ?> status = http.get().uri("/api/v1/workspaces/" + workspace + "/node-installs/" + install.get("installId"))
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(map(status)).containsEntry("hostname", hostname).containsEntry("nodeId", nodeId.toString())
                .containsEntry("stage", "bootstrap_token_consumed").containsEntry("progressPercent", 92);
        assertThat(status.get("consumedAt")).isNotNull();
        assertThat(status.get("installCommand")).isNull(); // the token is shown once
        publicPost("/api/v1/node-installs/consume", Map.of("token", "unknown-token", "hostname", host("x")))
                .expectStatus().isNotFound();
    }

    @Test
    void anExpiredInstallTokenAnswers410AndReadsAsExpired() {
        String admin = adminToken();
        UUID workspace = createWorkspace(admin, unique("Expire"));
        Map<?, ?> install = createInstall(admin, workspace, Map.of("nodeName", "late-1"), null);
        clock.advance(Duration.ofMinutes(16));
        publicPost("/api/v1/node-installs/consume", Map.of("token", tokenOf(install), "hostname", host("late")))
                .expectStatus().isEqualTo(410);
        publicPost("/api/v1/node-installs/progress", Map.of("token", tokenOf(install), "stage", "installer_started"))
                .expectStatus().isEqualTo(410);
        http.get().uri("/api/v1/workspaces/" + workspace + "/node-installs/" + install.get("installId"))
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("expired");
    }

    /** The served script, run as an operator would, with a stand-in for the agent's `bootstrap` step. */
    @Test
    void theInstallScriptReportsProgressAndBootstrapsTheAgent(@TempDir Path dir) throws Exception {
        String admin = adminToken();
        UUID workspace = createWorkspace(admin, unique("Script"));
        Map<?, ?> install = createInstall(admin, workspace, Map.of("nodeName", "scripted-1"), null);
        String apiUrl = (String) install.get("apiUrl");
        assertThat(apiUrl).isEqualTo("http://localhost:" + port);
        String hostname = host("scripted");
        Path agent = fakeAgent(dir, hostname);

        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "curl -fsSL '" + install.get("scriptUrl") + "' | sh -s -- "
                + "--api-url '" + apiUrl + "' --bootstrap-token '" + tokenOf(install) + "'");
        pb.environment().put("NODERAX_AGENT_BINARY", agent.toString());
        pb.environment().put("NODERAX_NO_SERVICE", "1");
        pb.environment().put("NODERAX_STATE_DIR", dir.resolve("state").toString());
        pb.environment().put("NODERAX_CONFIG_DIR", dir.resolve("config").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        Process process = pb.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();

        Map<?, ?> credentials = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(dir.resolve("identity.json").toFile(), Map.class);
        UUID nodeId = UUID.fromString((String) credentials.get("nodeId"));
        assertThat(node(admin, workspace, nodeId)).containsEntry("hostname", hostname).containsEntry("name", "scripted-1");
        http.get().uri("/api/v1/workspaces/" + workspace + "/node-installs/" + install.get("installId"))
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("service_started").jsonPath("$.status").isEqualTo("completed")
                .jsonPath("$.progressPercent").isEqualTo(100);
    }

    /** Does what `noderax-agent bootstrap --non-interactive` does over HTTP: consume the token, keep the identity. */
    private static Path fakeAgent(Path dir, String hostname) throws IOException {
        Path agent = dir.resolve("noderax-agent");
        Files.writeString(agent, """
                #!/bin/sh
                [ "$1" = bootstrap ] || exit 3
                shift
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --api-url) API="$2"; shift 2 ;;
                    --bootstrap-token) TOKEN="$2"; shift 2 ;;
                    *) shift ;;
                  esac
                done
                curl -fsS -X POST -H 'Content-Type: application/json' \\
                  -d "{\\"token\\":\\"$TOKEN\\",\\"hostname\\":\\"HOST\\",\\"additionalInfo\\":{\\"os\\":\\"linux\\",\\"arch\\":\\"amd64\\"}}" \\
                  "$API/api/v1/node-installs/consume" > "DIR/identity.json"
                """.replace("HOST", hostname).replace("DIR", dir.toString()));
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        return agent;
    }
}
