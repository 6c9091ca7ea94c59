package io.nodeplane.api.limits;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;

/**
 * Counters shared by every instance: one sorted set per key in Redis, scored by the instant of each slot,
 * expiring with the window. Each operation is one Lua script (or one command), so Redis runs it
 * atomically; Lettuce's reactive API never blocks a Netty thread. While Redis is unreachable the instance
 * falls back to its own in-memory counters (logged once), so sign-in keeps working and stays limited.
 */
final class RedisAttemptStore implements AttemptStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisAttemptStore.class);

    /** KEYS[1]; ARGV: now, window, max, now - window, the slot's member. */
    private static final String ACQUIRE = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
            local live = redis.call('ZCARD', KEYS[1])
            local max = tonumber(ARGV[3])
            if live >= max then
              local e = redis.call('ZRANGE', KEYS[1], live - max, live - max, 'WITHSCORES')
              local r = tonumber(e[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])
              if r < 1 then return 1 end
              return r
            end
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 0
            """;

    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(5);

    private final RedisClient client;
    private final RedisURI uri;
    private final String prefix;
    private final InMemoryAttemptStore fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private volatile CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private volatile long failedAt;

    RedisAttemptStore(RedisURI uri, String prefix, InMemoryAttemptStore fallback) {
        this.client = RedisClient.create();
        // while Redis is away, fail at once (and count in memory) rather than queue or wait
        this.client.setOptions(ClientOptions.builder().autoReconnect(true)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        this.uri = uri;
        this.prefix = prefix;
        this.fallback = fallback;
    }

    @Override
    public Mono<Long> acquire(String key, int max, Duration window, long now, String id) {
        return redis().flatMap(r -> r.<Long>eval(ACQUIRE, ScriptOutputType.INTEGER, new String[] {prefix + key},
                        Long.toString(now), Long.toString(window.toMillis()), Integer.toString(max),
                        Long.toString(now - window.toMillis()), now + ":" + id).next())
                .doOnNext(x -> healthy())
                .onErrorResume(e -> degrade(e).then(fallback.acquire(key, max, window, now, id)));
    }

    @Override
    public Mono<Void> release(String key, long at, String id) {
        return redis().flatMap(r -> r.zrem(prefix + key, at + ":" + id).then())
                .onErrorResume(e -> degrade(e).then(fallback.release(key, at, id)));
    }

    @Override
    public Mono<Void> clear(String key) {
        return redis().flatMap(r -> r.del(prefix + key).then())
                .onErrorResume(e -> degrade(e).then(fallback.clear(key)));
    }

    @Override
    public Mono<Boolean> firstNotice(String key, Duration ttl, long now) {
        return redis().flatMap(r -> r.set(prefix + "notice:" + key, "1", SetArgs.Builder.nx().px(ttl.toMillis()))
                        .map("OK"::equals).defaultIfEmpty(false))
                .onErrorResume(e -> degrade(e).then(fallback.firstNotice(key, ttl, now)));
    }

    /**
     * One connection, opened on first use without blocking (Lettuce reconnects it by itself once established).
     * A failed first connection is tried again at most every {@link #RECONNECT_EVERY}; meanwhile calls fail at once.
     */
    private Mono<RedisReactiveCommands<String, String>> redis() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current == null || current.isCompletedExceptionally()) {
            synchronized (this) {
                current = connection;
                if (current == null || current.isCompletedExceptionally()) {
                    if (current != null && System.nanoTime() - failedAt < RECONNECT_EVERY.toNanos()) {
                        return Mono.error(new IllegalStateException("Redis connection failed recently"));
                    }
                    current = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
                    current.whenComplete((c, e) -> failedAt = e == null ? 0 : System.nanoTime());
                    connection = current;
                }
            }
        }
        return Mono.fromFuture(current, true).map(StatefulRedisConnection::reactive);
    }

    private Mono<Void> degrade(Throwable e) {
        if (degraded.compareAndSet(false, true)) {
            log.warn("Attempt limits: Redis is unreachable ({}); this instance counts on its own until it is back",
                    e.toString());
        }
        return Mono.empty();
    }

    private void healthy() {
        if (degraded.compareAndSet(true, false)) {
            log.info("Attempt limits: Redis is back; counters are shared again");
        }
    }

    @Override
    public void destroy() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().close();
        }
        client.shutdown();
    }
}
