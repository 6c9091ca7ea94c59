package io.nodeplane.api.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.nodeplane.api.config.NodeplaneProperties;
import io.nodeplane.api.realtime.RealtimeHub.RelayedChange;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Carries realtime changes between instances over Redis pub/sub when {@code REDIS_ENABLED=true}: what this
 * instance publishes goes to the channel, what others publish is delivered here (its own come back and are
 * ignored by the hub). Redis being down never blocks or fails a publication: the instance keeps serving its
 * own clients, publications meanwhile are counted as dropped, and Lettuce reconnects and resubscribes (or,
 * when Redis was down at start, the relay connects every 5 s until it is up).
 */
@Component
class RedisRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisRelay.class);

    private final NodeplaneProperties.Redis settings;
    private final RealtimeProperties properties;
    private final RealtimeHub hub;
    private final ObjectMapper mapper;
    private final AtomicLong dropped = new AtomicLong();
    private volatile RedisClient client;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile Disposable connecting;

    RedisRelay(NodeplaneProperties nodeplane, RealtimeProperties properties, RealtimeHub hub, ObjectMapper mapper) {
        this.settings = nodeplane.redis();
        this.properties = properties;
        this.hub = hub;
        this.mapper = mapper;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        client = RedisClient.create(settings.uri());
        // while Redis is away, refuse publications at once instead of queueing them without bound
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        RedisClient current = client;
        // connecting blocks, and Redis may be down at start: connect off the start-up thread, retrying
        connecting = Mono.fromRunnable(() -> connect(current)).subscribeOn(Schedulers.boundedElastic())
                .doOnError(e -> log.warn("Realtime relay: Redis at {}:{} is unreachable ({}); this instance delivers "
                        + "only its own changes until it is back", settings.host(), settings.port(), e.toString()))
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofSeconds(5)))
                .subscribe();
    }

    private void connect(RedisClient current) {
        StatefulRedisConnection<String, String> pub = current.connect();
        StatefulRedisPubSubConnection<String, String> sub;
        try {
            sub = current.connectPubSub();
        } catch (RuntimeException e) {
            pub.close();
            throw e;
        }
        sub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                receive(message);
            }
        });
        sub.sync().subscribe(properties.redisChannel());
        publisher = pub;
        subscriber = sub;
        hub.relayTo(this::send);
        log.info("Realtime relay: Redis pub/sub on {}:{} channel {}", settings.host(), settings.port(),
                properties.redisChannel());
    }

    private void send(RelayedChange c) {
        String message = "{\"type\":\"" + c.type() + "\",\"workspaceId\":" + quoted(c.workspaceId()) + ",\"nodeId\":"
                + quoted(c.nodeId()) + ",\"sourceInstanceId\":\""
                + c.sourceInstanceId() + "\",\"entity\":" + c.entity() + "}";
        publisher.async().publish(properties.redisChannel(), message).exceptionally(e -> {
            if (dropped.getAndIncrement() % 1000 == 0) {
                log.warn("Realtime relay: could not publish to Redis ({}); {} changes not relayed so far",
                        e.toString(), dropped.get());
            }
            return 0L;
        });
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }

    private void receive(String message) {
        try {
            JsonNode m = mapper.readTree(message);
            hub.deliverRelayed(new RelayedChange(m.get("type").asText(), uuid(m.get("workspaceId")), uuid(m.get("nodeId")),
                    m.get("sourceInstanceId").asText(), m.get("entity").toString()));
        } catch (Exception e) {
            log.warn("Realtime relay: ignored a malformed message: {}", e.toString());
        }
    }

    private static UUID uuid(JsonNode value) {
        return value == null || value.isNull() ? null : UUID.fromString(value.asText());
    }

    @Override
    public void stop() {
        hub.relayTo(change -> { });
        if (connecting != null) {
            connecting.dispose();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (client != null) {
            client.shutdown();
        }
        client = null;
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }
}
