package io.nodeplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's "run" promise: the packaged jar with no database settings starts an embedded
 * PostgreSQL in its state directory, seeds an admin whose password only the 600 file holds, and
 * keeps everything across a restart.
 */
class EmbeddedDatabaseIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void packagedJarRunsOnItsEmbeddedDatabaseAndKeepsItsDataAcrossRestarts() throws Exception {
        Path jar = Path.of(System.getProperty("nodeplane.jar", "target/nodeplane.jar"));
        assertThat(jar).exists();
        Path parent = Files.createTempDirectory("nodeplane-embedded-it");
        // when tests run as root the database runs as 'nobody', which must be able to enter this folder
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path state = parent.resolve("state");
        int port = freePort();

        Process first = start(jar, state, port);
        Path credentials = state.resolve("initial_admin_credentials");
        String password;
        try {
            awaitHealthy(first, port);
            assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            password = Files.readAllLines(credentials).stream().filter(l -> l.startsWith("password="))
                    .findFirst().orElseThrow().substring("password=".length());
            assertThat(login(port, "admin@localhost", password)).isEqualTo(200);
            assertThat(login(port, "admin@localhost", "wrong-password")).isEqualTo(401);
        } finally {
            stop(first);
        }
        assertThat(state.resolve("postgres/PG_VERSION")).exists();
        assertThat(state.resolve("postgres/postmaster.pid")).doesNotExist(); // the server was stopped with us
        String firstCredentials = Files.readString(credentials);

        Process second = start(jar, state, port);
        try {
            awaitHealthy(second, port);
            assertThat(login(port, "admin@localhost", password)).isEqualTo(200);
            assertThat(Files.readString(credentials)).isEqualTo(firstCredentials); // no second admin on restart
        } finally {
            stop(second);
        }
    }

    private Process start(Path jar, Path state, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.getParent().resolve("service.log").toFile()));
        Map<String, String> env = pb.environment();
        List.of("DB_URL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "DB_NAME", "JWT_SECRET",
                "SEED_DEFAULT_ADMIN", "ADMIN_EMAIL", "ADMIN_PASSWORD").forEach(env::remove);
        env.put("NODEPLANE_STATE_DIR", state.toString());
        env.put("PORT", Integer.toString(port));
        return pb.start();
    }

    private void awaitHealthy(Process process, int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("service exited early; see service.log").isTrue();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.waitFor(300, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("service did not become healthy within 3 minutes");
    }

    private int login(int port, String email, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: graceful shutdown stops the embedded PostgreSQL too
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("service did not stop within 60 s");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
