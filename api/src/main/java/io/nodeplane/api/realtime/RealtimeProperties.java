package io.nodeplane.api.realtime;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Realtime delivery settings.
 *
 * @param replayBuffer     messages kept per workspace for clients resuming with {@code Last-Event-ID}
 * @param subscriberBuffer messages queued for one subscriber before it counts as too slow and is dropped
 * @param heartbeat        interval of SSE heartbeat comments
 * @param ticketTtl        lifetime of a single-use stream ticket
 * @param webAppUrl        the dashboard's URL ({@code WEB_APP_URL}): its origin may open realtime connections
 * @param allowedOrigins   further origins allowed to open realtime connections ({@code REALTIME_ALLOWED_ORIGINS})
 * @param redisChannel     the pub/sub channel that carries changes between instances when Redis is enabled
 * @param batchWindow      messages published within this window reach each subscriber in one write
 * @param accessRecheck    how often every open connection re-checks its user's session and workspaces, as a
 *                         backstop: a narrowed access is normally applied the moment it is stored
 */
@ConfigurationProperties("nodeplane.realtime")
public record RealtimeProperties(@DefaultValue("1000") int replayBuffer, @DefaultValue("1024") int subscriberBuffer,
                                 @DefaultValue("15s") Duration heartbeat, @DefaultValue("60s") Duration ticketTtl,
                                 @DefaultValue("") String webAppUrl, @DefaultValue("") List<String> allowedOrigins,
                                 @DefaultValue("nodeplane:realtime") String redisChannel,
                                 @DefaultValue("40ms") Duration batchWindow,
                                 @DefaultValue("60s") Duration accessRecheck) {
}
