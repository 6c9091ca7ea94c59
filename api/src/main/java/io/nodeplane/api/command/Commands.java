package io.nodeplane.api.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive door to the write side. Axon's JDBC event store blocks, so every dispatch runs on the
 * bounded-elastic scheduler, never on a Netty event loop; the actor rides along in a thread-local
 * read by {@link ActorMetadataInterceptors} and becomes the audit metadata of the message.
 */
@Component
public class Commands {

    private final CommandGateway commandGateway;
    private final EventGateway eventGateway;

    Commands(CommandGateway commandGateway, EventGateway eventGateway) {
        this.commandGateway = commandGateway;
        this.eventGateway = eventGateway;
    }

    /** Sends a command and completes with its result once its events are stored. */
    public <R> Mono<R> send(Object command, Actor actor) {
        return Mono.<R>fromCallable(() -> ActorMetadataInterceptors.withActor(actor,
                        () -> commandGateway.sendAndWait(command)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Appends an event that belongs to no aggregate (an audit fact such as a sign-in). */
    public Mono<Void> record(Object event, Actor actor) {
        return Mono.<Void>fromCallable(() -> {
            ActorMetadataInterceptors.withActor(actor, () -> {
                eventGateway.publish(event);
                return null;
            });
            return null;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
