package io.nodeplane.api.realtime.socketio;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable ids for Engine.IO sessions and namespace sockets: 120 random bits, URL-safe base64 (20 chars). */
final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    static String next() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
