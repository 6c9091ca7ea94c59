package io.nodeplane.api.agent;

import io.nodeplane.api.security.JwtService;
import io.nodeplane.api.security.KeyedHash;
import io.nodeplane.api.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every secret an agent holds, made and checked in one place: agent tokens (32 random bytes, 64 hex
 * characters, stored as sha256), one-time bootstrap tokens (43-character base64url, found by a keyed
 * HMAC), and the encryption of the one agent token the server must hand out later (AES-256-GCM, key
 * from {@code SECRETS_ENCRYPTION_KEY} or derived from the JWT secret).
 */
@Component
public class AgentSecrets {

    private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

    private final SecureRandom random = new SecureRandom();
    private final KeyedHash lookup;
    private final SecretBox box;

    AgentSecrets(JwtService jwt, @Value("${nodeplane.secrets-encryption-key:}") String encryptionKey) {
        this.lookup = new KeyedHash(jwt.derivedKey("nodeplane/bootstrap-token-lookup/v1"));
        this.box = encryptionKey == null || encryptionKey.isBlank()
                ? new SecretBox(jwt.derivedKey("nodeplane/secrets-encryption/v1"))
                : new SecretBox(sha256(encryptionKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new agent token: 32 random bytes as 64 lower-case hex characters. */
    public String newAgentToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A new enrollment or install token: 32 random bytes, base64url without padding (43 characters). */
    public String newBootstrapToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] sha256(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The keyed hash a bootstrap token is found by. */
    public String lookupHash(String token) {
        return lookup.hex(token);
    }

    /** Sealed with AES-256-GCM: a random nonce, then the ciphertext and its tag. */
    public byte[] encrypt(String plaintext) {
        return box.seal(plaintext.getBytes(StandardCharsets.UTF_8), NO_ASSOCIATED_DATA);
    }

    public String decrypt(byte[] sealed) {
        return new String(box.open(sealed, NO_ASSOCIATED_DATA), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
