package io.nodeplane.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodeplane.api.config.NodeplaneProperties;
import io.nodeplane.query.user.UserView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtServiceTest {

    @TempDir
    Path state;

    private NodeplaneProperties properties(String secret, String expiresIn) {
        return new NodeplaneProperties(state, 1024, new NodeplaneProperties.Jwt(secret, expiresIn),
                new NodeplaneProperties.Seed(false, null, null, null), new NodeplaneProperties.Redis(false, null, 0, null));
    }

    private static UserView user(int sessionVersion) {
        return new UserView(UUID.randomUUID(), "a@example.com", "A", "user", true, "UTC", "accepted", null, null,
                true, true, sessionVersion, false, null, Instant.now(), Instant.now(), null);
    }

    @Test
    void refusesToStartWithASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new JwtService(properties("too-short-secret", "1d")))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void generatesAndKeepsASecretWhenNoneIsConfigured() throws Exception {
        JwtService first = new JwtService(properties("", "1d"));
        Path file = state.resolve("jwt_secret");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = first.issue(user(3));

        JwtService afterRestart = new JwtService(properties("", "1d"));
        assertThat(afterRestart.verify(token)).hasValueSatisfying(c -> assertThat(c.sessionVersion()).isEqualTo(3));
    }

    @Test
    void rejectsTokensSignedWithAnotherKeyOrTamperedWith() {
        JwtService ours = new JwtService(properties("a-secret-that-is-long-enough-for-hs256!", "1d"));
        JwtService theirs = new JwtService(properties("another-secret-that-is-long-enough-too!!", "1d"));
        String token = theirs.issue(user(0));
        assertThat(ours.verify(token)).isEmpty();
        String valid = ours.issue(user(0));
        assertThat(ours.verify(valid.substring(0, valid.length() - 2) + "xx")).isEmpty();
        assertThat(ours.verify("garbage")).isEmpty();
    }

    @Test
    void rejectsExpiredTokens() {
        JwtService instant = new JwtService(properties("a-secret-that-is-long-enough-for-hs256!", "0s"));
        assertThat(instant.verify(instant.issue(user(0)))).isEmpty();
    }

    @Test
    void readsTheContractsDurationNotation() {
        assertThat(JwtService.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(JwtService.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(JwtService.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(JwtService.parse("3600")).isEqualTo(Duration.ofSeconds(3600));
        assertThatThrownBy(() -> JwtService.parse("one day")).hasMessageContaining("JWT_EXPIRES_IN");
    }
}
