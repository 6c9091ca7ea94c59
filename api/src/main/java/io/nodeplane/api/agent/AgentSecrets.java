package io.nodeplane.api.agent;

import io.nodeplane.api.security.JwtService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final byte[] lookupKey;
    private final SecretKeySpec encryptionKey;

    AgentSecrets(JwtService jwt, @Value("${nodeplane.secrets-encryption-key:}") String encryptionKey) {
        this.lookupKey = jwt.derivedKey("nodeplane/bootstrap-token-lookup/v1");
        byte[] key = encryptionKey == null || encryptionKey.isBlank()
                ? jwt.derivedKey("nodeplane/secrets-encryption/v1")
                : sha256(encryptionKey.getBytes(StandardCharsets.UTF_8));
        this.encryptionKey = new SecretKeySpec(key, "AES");
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(lookupKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(byte[] box) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, box, 0, NONCE_BYTES));
            return new String(cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored secret cannot be decrypted (was SECRETS_ENCRYPTION_KEY changed?)", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
