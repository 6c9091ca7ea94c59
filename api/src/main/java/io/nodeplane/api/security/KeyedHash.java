package io.nodeplane.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, as lower-case hex: how a secret that is looked up (bootstrap tokens, one-time
 * links, recovery codes) is stored without being stored.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    public KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String hex(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
