package io.nodeplane.command.user;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.command.support.UniqueKeys;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates users. Claiming the e-mail, storing the password hash and appending the event all run in
 * the command's single database transaction: either all of them happen or none.
 */
@Component
class UserCommandHandler {

    private final Repository<User> users;
    private final UniqueKeys uniqueKeys;
    private final UserCredentials credentials;

    UserCommandHandler(Repository<User> users, UniqueKeys uniqueKeys, UserCredentials credentials) {
        this.users = users;
        this.uniqueKeys = uniqueKeys;
        this.credentials = credentials;
    }

    @CommandHandler
    void handle(CreateUserCommand command) throws Exception {
        create(command);
    }

    /** Claims the e-mail, stores the password hash (if any) and creates the aggregate. */
    Aggregate<User> create(CreateUserCommand command) throws Exception {
        String email = command.email() == null ? "" : command.email().trim().toLowerCase(Locale.ROOT);
        if (!uniqueKeys.claim(UniqueKeys.USER_EMAIL, email, command.userId())) {
            throw new CommandRejectedException(Kind.CONFLICT, "USER_EMAIL_TAKEN", "A user with this email already exists");
        }
        if (command.passwordHash() != null) {
            credentials.store(command.userId(), command.passwordHash());
        }
        return users.newInstance(() -> new User(command));
    }
}
