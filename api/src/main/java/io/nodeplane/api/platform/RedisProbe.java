package io.nodeplane.api.platform;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nodeplane.api.config.NodeplaneProperties;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Pings Redis when {@code REDIS_ENABLED=true}; the service keeps working when it is down. */
@Component
class RedisProbe implements DisposableBean {

    private final NodeplaneProperties.Redis settings;
    private volatile RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    RedisProbe(NodeplaneProperties properties) {
        this.settings = properties.redis();
    }

    Mono<DependenciesResponse.Redis> check() {
        if (!settings.enabled()) {
            return Mono.just(new DependenciesResponse.Redis(false, "disabled", null, null));
        }
        long start = System.nanoTime();
        // connecting blocks: do it off the event loop
        return Mono.fromCallable(this::connection).subscribeOn(Schedulers.boundedElastic())
                .flatMap(c -> c.reactive().ping())
                .timeout(Duration.ofSeconds(2))
                .map(pong -> new DependenciesResponse.Redis(true, "ok", (System.nanoTime() - start) / 1_000_000, null))
                .onErrorResume(e -> {
                    closeQuietly();
                    return Mono.just(new DependenciesResponse.Redis(true, "error", null, e.getClass().getSimpleName()));
                });
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null || !connection.isOpen()) {
            client = client == null ? RedisClient.create() : client;
            connection = client.connect(settings.uri());
        }
        return connection;
    }

    private synchronized void closeQuietly() {
        if (connection != null) {
            connection.closeAsync();
            connection = null;
        }
    }

    @Override
    public void destroy() {
        closeQuietly();
        if (client != null) {
            client.shutdown();
        }
    }
}
