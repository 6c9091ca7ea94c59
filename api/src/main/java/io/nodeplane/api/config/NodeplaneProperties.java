package io.nodeplane.api.config;

import io.lettuce.core.RedisURI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service settings; {@code application.yml} maps the contract's environment variables onto them.
 *
 * @param stateDir         where the service keeps files it owns (embedded database, generated secrets)
 * @param maxBodyBytes     largest accepted request body; larger ones get 413
 */
@ConfigurationProperties("nodeplane")
public record NodeplaneProperties(Path stateDir, int maxBodyBytes, Jwt jwt, Seed seed, Redis redis) {

    /** @param expiresIn token lifetime in the contract's notation, e.g. {@code 1d}, {@code 12h}, {@code 30m} */
    public record Jwt(String secret, String expiresIn) {
    }

    /** First-admin seeding from {@code SEED_DEFAULT_ADMIN} and {@code ADMIN_*}. */
    public record Seed(boolean enabled, String adminName, String adminEmail, String adminPassword) {
    }

    public record Redis(boolean enabled, String host, int port, String password) {

        /** Where to connect, with a 2 s command timeout (Redis is optional: nobody waits on it long). */
        public RedisURI uri() {
            RedisURI.Builder uri = RedisURI.builder().withHost(host).withPort(port).withTimeout(Duration.ofSeconds(2));
            if (password != null && !password.isEmpty()) {
                uri.withPassword(password.toCharArray());
            }
            return uri.build();
        }
    }
}
