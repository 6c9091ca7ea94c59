package io.nodeplane.api.auth;

import io.nodeplane.api.security.JwtService;
import io.nodeplane.api.security.KeyedHash;
import io.nodeplane.api.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The secrets of multi-factor sign-in: TOTP seeds (20 random bytes, sealed in a {@link SecretBox} bound
 * to their user) and recovery codes (50 random bits, {@code xxxxx-xxxxx}, kept only as a keyed HMAC).
 */
@Component
class MfaSecrets {

    static final int RECOVERY_CODES = 10;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final SecretBox box;
    private final KeyedHash recoveryHash;

    MfaSecrets(SecretBox box, JwtService jwt) {
        this.box = box;
        this.recoveryHash = new KeyedHash(jwt.derivedKey("nodeplane/mfa-recovery-code/v1"));
    }

    byte[] newSecret() {
        byte[] secret = new byte[20]; // 160 bits, the HMAC-SHA1 block-friendly size RFC 4226 recommends
        random.nextBytes(secret);
        return secret;
    }

    byte[] seal(UUID userId, byte[] secret) {
        return box.seal(secret, aad(userId));
    }

    byte[] open(UUID userId, byte[] sealed) {
        return box.open(sealed, aad(userId));
    }

    List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                code.append(c == 5 ? "-" : "").append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The stored form of a recovery code; case, spaces and dashes do not matter. */
    String hashRecoveryCode(String code) {
        return recoveryHash.hex(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }

    private static byte[] aad(UUID userId) {
        return ("nodeplane/mfa-totp-secret/" + userId).getBytes(StandardCharsets.UTF_8);
    }
}
