package io.nodeplane.api.realtime.socketio;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine.IO settings of the Socket.IO engine (the defaults are those of the reference server).
 *
 * @param pingInterval  how often the server pings each connection
 * @param pingTimeout   how long the server waits for the pong before closing with {@code "ping timeout"}
 * @param maxPayload    the largest WebSocket frame or polling request body accepted, in bytes
 * @param outboundQueue packets queued for one connection before it counts as a slow consumer and is closed
 */
@ConfigurationProperties("nodeplane.realtime.socket-io")
record SocketIoProperties(@DefaultValue("25000ms") Duration pingInterval, @DefaultValue("20000ms") Duration pingTimeout,
                          @DefaultValue("1000000") int maxPayload, @DefaultValue("1024") int outboundQueue) {

    /** The defaults, for use outside a Spring context. */
    static SocketIoProperties defaults() {
        return new SocketIoProperties(Duration.ofMillis(25_000), Duration.ofMillis(20_000), 1_000_000, 1024);
    }
}
