package io.nodeplane.command.user;

import io.nodeplane.events.user.UserRole;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a user account. The id is chosen by the caller (the server), the password arrives already
 * hashed and is stored apart from the event store.
 *
 * @param passwordHash bcrypt hash, or {@code null} for an account that cannot sign in with a password yet
 */
public record CreateUserCommand(
        @TargetAggregateIdentifier UUID userId, String email, String name, UserRole role, boolean active,
        String timezone, String passwordHash) {

    @Override
    public String toString() {
        // never let the hash reach a log line
        return "CreateUserCommand[userId=" + userId + ", email=" + email + ", role=" + role + "]";
    }
}
