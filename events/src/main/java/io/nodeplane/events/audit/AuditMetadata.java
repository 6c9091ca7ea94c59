package io.nodeplane.events.audit;

/**
 * Metadata keys every command and event carries, so that the event store doubles as the audit log.
 * A dispatch interceptor adds them to commands; Axon copies them onto the events a command causes.
 */
public final class AuditMetadata {
    /** {@code "user"} or {@code "system"}. */
    public static final String ACTOR_TYPE = "actorType";
    public static final String ACTOR_USER_ID = "actorUserId";
    /** The actor's e-mail at the time of the action (a snapshot, it may change later). */
    public static final String ACTOR_EMAIL = "actorEmail";
    public static final String IP_ADDRESS = "ipAddress";
    public static final String USER_AGENT = "userAgent";
    /** Id of the request (or start-up step) that caused the command; shared by all its events. */
    public static final String CORRELATION_ID = "correlationId";

    public static final String ACTOR_TYPE_USER = "user";
    public static final String ACTOR_TYPE_SYSTEM = "system";

    private AuditMetadata() {
    }
}
