package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Every access token issued to the user before now stops working: the session version moved on.
 *
 * @param sessionVersion the new version; tokens carrying an older one are rejected
 * @param reason         short machine-readable cause, e.g. {@code "operator-request"}
 */
@Revision("1")
public record UserSessionsRevokedEvent(UUID userId, int sessionVersion, String reason) implements UserEvent {
}
