package io.nodeplane.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodeplane.api.support.ApplicationIT;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.user.CreateUserCommand;
import io.nodeplane.events.user.UserRole;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class CommandDispatchIT extends ApplicationIT {

    @Autowired
    CommandGateway gateway;

    @Test
    void refusesToDispatchOnANonBlockingThread() {
        CreateUserCommand command = new CreateUserCommand(UUID.randomUUID(), uniqueEmail("loop"), "x", UserRole.USER,
                true, "UTC", null);
        long before = storedEvents();
        assertThatThrownBy(() -> Mono.fromCallable(() -> gateway.sendAndWait(command))
                .subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)))
                .hasMessageContaining("non-blocking thread");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSecondUserWithTheSameEmailInAnyCaseIsRejectedAndNothingIsStored() {
        String email = uniqueEmail("dup");
        createUser(email, "first-password", true, UserRole.USER);
        long before = storedEvents();
        long credentials = DB.queryLong("SELECT count(*) FROM user_credential");

        assertThatThrownBy(() -> commands.send(new CreateUserCommand(UUID.randomUUID(), email.toUpperCase(), "y",
                UserRole.USER, true, "UTC", "$2a$10$other"), Actor.system("it")).block(Duration.ofSeconds(30)))
                .isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).kind()).isEqualTo(CommandRejectedException.Kind.CONFLICT));
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(DB.queryLong("SELECT count(*) FROM user_credential")).isEqualTo(credentials);
    }

    @Test
    void commandsCarryTheActorIntoTheStoredEventsMetadata() {
        UUID id = UUID.randomUUID();
        UUID actorId = UUID.randomUUID();
        Actor actor = new Actor("user", actorId, "operator@example.com", "192.0.2.7", "it-agent", "corr-" + id);
        commands.send(new CreateUserCommand(id, uniqueEmail("meta"), "z", UserRole.USER, true, "UTC", null), actor)
                .block(Duration.ofSeconds(30));
        String metadata = DB.queryString("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = '" + id + "'");
        assertThat(metadata).contains("\"actorUserId\":\"" + actorId + "\"", "\"actorEmail\":\"operator@example.com\"",
                "\"ipAddress\":\"192.0.2.7\"", "\"userAgent\":\"it-agent\"", "\"correlationId\":\"corr-" + id + "\"");
    }
}
