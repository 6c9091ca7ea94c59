package io.nodeplane.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.api.config.NodeplaneProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Against the real Redis on loopback, and against a port where nothing listens. */
class RedisProbeIT {

    private static RedisProbe probe(boolean enabled, int port) {
        return new RedisProbe(new NodeplaneProperties(Path.of("."), 1024, new NodeplaneProperties.Jwt("", "1d"),
                new NodeplaneProperties.Seed(false, null, null, null),
                new NodeplaneProperties.Redis(enabled, "127.0.0.1", port, "")));
    }

    @Test
    void reportsOkWithLatencyWhenRedisAnswers() {
        RedisProbe probe = probe(true, Integer.parseInt(System.getenv().getOrDefault("NODEPLANE_TEST_REDIS_PORT", "6379")));
        try {
            DependenciesResponse.Redis redis = probe.check().block(Duration.ofSeconds(10));
            assertThat(redis.enabled()).isTrue();
            assertThat(redis.status()).isEqualTo("ok");
            assertThat(redis.latencyMs()).isNotNull();
        } finally {
            probe.destroy();
        }
    }

    @Test
    void reportsAnErrorInsteadOfFailingWhenRedisIsDown() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        RedisProbe probe = probe(true, closed);
        try {
            DependenciesResponse.Redis redis = probe.check().block(Duration.ofSeconds(10));
            assertThat(redis.status()).isEqualTo("error");
            assertThat(redis.error()).isNotBlank();
        } finally {
            probe.destroy();
        }
    }

    @Test
    void reportsDisabledWithoutConnecting() {
        DependenciesResponse.Redis redis = probe(false, 1).check().block(Duration.ofSeconds(1));
        assertThat(redis.enabled()).isFalse();
        assertThat(redis.status()).isEqualTo("disabled");
    }
}
