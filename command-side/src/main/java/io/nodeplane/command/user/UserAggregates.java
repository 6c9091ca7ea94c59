package io.nodeplane.command.user;

import static io.nodeplane.command.support.CommandRejectedException.notFound;

import java.util.UUID;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loads a {@link User} for the account and MFA command handlers; a deleted user is as missing as an unknown one. */
final class UserAggregates {

    private UserAggregates() {
    }

    /** The user, or 404 {@code USER_NOT_FOUND}. */
    static Aggregate<User> load(Repository<User> users, UUID userId) {
        Aggregate<User> user = loadOrNull(users, userId);
        if (user == null) {
            throw notFound("USER_NOT_FOUND", "User " + userId + " was not found");
        }
        return user;
    }

    /** The user, or {@code null} when unknown or deleted. */
    static Aggregate<User> loadOrNull(Repository<User> users, UUID userId) {
        try {
            return users.load(userId.toString());
        } catch (AggregateNotFoundException e) { // includes deleted users
            return null;
        }
    }
}
