package io.nodeplane.api.realtime.socketio;

/** The reasons {@link SocketIoSocket#closed()} completes with (the reference server's wording where it has one). */
public final class SocketIoCloseReasons {

    /** The client left the namespace (DISCONNECT packet). */
    public static final String CLIENT_DISCONNECT = "client namespace disconnect";
    /** The namespace called {@link SocketIoSocket#disconnect(String)}. */
    public static final String SERVER_DISCONNECT = "server namespace disconnect";
    /** The client closed the connection (WebSocket closed, Engine.IO close packet). */
    public static final String TRANSPORT_CLOSE = "transport close";
    /** The client answered no ping within pingTimeout. */
    public static final String PING_TIMEOUT = "ping timeout";
    /** The connection's outbound queue was full. */
    public static final String SLOW_CONSUMER = "slow consumer";
    /** The client sent a malformed or binary packet. */
    public static final String PARSE_ERROR = "parse error";
    /** The client misused long-polling (two polls at once, a body over maxPayload). */
    public static final String TRANSPORT_ERROR = "transport error";
    /** The client sent events faster than the socket's handlers finished them, beyond the queue size. */
    public static final String TOO_MANY_EVENTS = "too many pending events";
    /** {@link SocketIoNamespace#onConnect} refused or failed: the socket never connected. */
    public static final String CONNECT_REFUSED = "connect refused";
    /** The application is stopping. */
    public static final String SHUTTING_DOWN = "server shutting down";

    private SocketIoCloseReasons() {
    }
}
