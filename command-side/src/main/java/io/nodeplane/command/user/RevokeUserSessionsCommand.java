package io.nodeplane.command.user;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Invalidate every access token issued to the user so far ("sign out everywhere"). */
public record RevokeUserSessionsCommand(@TargetAggregateIdentifier UUID userId, String reason) {
}
