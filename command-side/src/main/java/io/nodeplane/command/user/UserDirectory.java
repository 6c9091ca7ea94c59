package io.nodeplane.command.user;

import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * What other contexts' command handlers may ask about a user, answered from the {@code User}
 * aggregate itself (never from a read model). Call it from inside a command handler.
 */
@Component
public class UserDirectory {

    private final Repository<User> users;

    UserDirectory(Repository<User> users) {
        this.users = users;
    }

    /** True when the user exists, is active and has accepted their invitation. */
    public boolean canJoinWorkspaces(UUID userId) {
        try {
            return users.load(userId.toString()).invoke(User::canJoinWorkspaces);
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
