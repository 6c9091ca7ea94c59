package io.nodeplane.api.command;

import io.nodeplane.events.audit.AuditMetadata;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/**
 * Dispatch interceptors for the command and event gateways: they stamp the current {@link Actor}
 * onto each message (a system actor when there is none) and refuse any dispatch from a
 * non-blocking thread, so a blocking JDBC write can never stall a Netty event loop.
 */
@Configuration(proxyBeanMethods = false)
class ActorMetadataInterceptors {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    static <T> T withActor(Actor actor, Callable<T> work) throws Exception {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandActorMetadata() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> m) {
                return (i, message) -> message.andMetaData(current().metadata());
            }
        };
    }

    @Bean
    MessageDispatchInterceptor<EventMessage<?>> eventActorMetadata() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> m) {
                return (i, message) -> message.andMetaData(current().metadata());
            }
        };
    }

    private static Actor current() {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("Commands and events must not be dispatched on a non-blocking thread "
                    + Thread.currentThread().getName() + "; use Commands, which moves the work off the event loop");
        }
        Actor actor = CURRENT.get();
        return actor != null ? actor : Actor.system("system-" + UUID.randomUUID());
    }
}
