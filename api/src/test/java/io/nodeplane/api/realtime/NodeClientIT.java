package io.nodeplane.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The npm {@code socket.io-client} that the Noderax agent's peers and the Noderax web use, run by Node.js
 * ({@code src/test/node/peer.mjs}): an agent that authenticates, pings and reports metrics, and a dashboard
 * that sees the node come online, its metrics, and the node go offline when the agent's socket closes.
 * Needs {@code node} and {@code npm} on the PATH ({@code .ci/run} installs them when missing).
 */
class NodeClientIT extends RealtimeSupport {

    private static final Path PEER = Path.of("src/test/node").toAbsolutePath();

    @Test
    void theNpmClientKeepsAnAgentOnlineAndADashboardLive() throws Exception {
        if (!Files.isDirectory(PEER.resolve("node_modules/socket.io-client"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        Fleet fleet = fleet("npm-peer");
        String out = run(List.of("node", "peer.mjs", "http://127.0.0.1:" + port, fleet.viewer().token(),
                fleet.workspace().toString(), fleet.nodeId().toString(), fleet.agent().token()), 60);
        JsonNode result = JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(result.path("ok").asBoolean()).as(out).isTrue();
        JsonNode seen = result.get("seen");
        assertThat(seen.get("preflightSid").asBoolean()).isTrue();
        assertThat(seen.at("/authAck/authenticated").asBoolean()).isTrue();
        assertThat(seen.at("/authAck/rootAccess/profile").asText()).isEqualTo("off");
        assertThat(seen.get("pingAcks").asInt()).isEqualTo(3);
        assertThat(seen.get("metricAcks").asInt()).isEqualTo(3);
        assertThat(seen.get("metricsIngested").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(seen.at("/unknownEventError/code").asText()).isEqualTo("UNKNOWN_EVENT");
        assertThat(seen.get("statuses").toString()).contains("online").endsWith("\"offline\"]");
    }

    private static String run(List<String> command, int seconds) throws Exception {
        File log = Files.createTempFile("node-peer", ".log").toFile();
        Process process = new ProcessBuilder(command).directory(PEER.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + seconds + " s:\n" + Files.readString(log.toPath()));
        }
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited " + process.exitValue() + ":\n" + out);
        }
        return out;
    }
}
