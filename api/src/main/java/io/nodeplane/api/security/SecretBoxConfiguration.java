package io.nodeplane.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link SecretBox} user secrets (TOTP seeds) are sealed with. Its key is {@code SECRETS_ENCRYPTION_KEY}
 * hashed to 256 bits, as for the agent token of an enrollment (so one variable means one thing); when
 * unset, a key derived from the JWT secret, with a warning: rotating {@code JWT_SECRET} then makes the
 * stored secrets unreadable.
 */
@Configuration(proxyBeanMethods = false)
class SecretBoxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretBoxConfiguration.class);

    @Bean
    SecretBox secretBox(JwtService jwt, @Value("${nodeplane.secrets-encryption-key:}") String encryptionKey) {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            log.warn("SECRETS_ENCRYPTION_KEY is not set: user secrets are encrypted with a key derived from JWT_SECRET; "
                    + "set SECRETS_ENCRYPTION_KEY (e.g. base64 of 32 random bytes) so that rotating JWT_SECRET keeps them readable");
            return new SecretBox(jwt.derivedKey("nodeplane/user-secrets-encryption/v1"));
        }
        try {
            return new SecretBox(MessageDigest.getInstance("SHA-256").digest(encryptionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
