package io.nodeplane.api.command;

import io.nodeplane.events.audit.AuditMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who causes a command or event, and from where; becomes the audit metadata of the events.
 *
 * @param userId {@code null} for the system or an anonymous caller
 */
public record Actor(String type, UUID userId, String email, String ipAddress, String userAgent, String correlationId) {

    /** The service itself (start-up seeding, background jobs). */
    public static Actor system(String correlationId) {
        return new Actor(AuditMetadata.ACTOR_TYPE_SYSTEM, null, null, null, null, correlationId);
    }

    /** The same request, now attributed to a user (e.g. once a sign-in has identified them). */
    public Actor as(UUID id, String mail) {
        return new Actor(AuditMetadata.ACTOR_TYPE_USER, id, mail, ipAddress, userAgent, correlationId);
    }

    Map<String, Object> metadata() {
        Map<String, Object> meta = new HashMap<>();
        meta.put(AuditMetadata.ACTOR_TYPE, type);
        put(meta, AuditMetadata.ACTOR_USER_ID, userId == null ? null : userId.toString());
        put(meta, AuditMetadata.ACTOR_EMAIL, email);
        put(meta, AuditMetadata.IP_ADDRESS, ipAddress);
        put(meta, AuditMetadata.USER_AGENT, userAgent);
        put(meta, AuditMetadata.CORRELATION_ID, correlationId);
        return meta;
    }

    private static void put(Map<String, Object> meta, String key, String value) {
        if (value != null) {
            meta.put(key, value);
        }
    }
}
