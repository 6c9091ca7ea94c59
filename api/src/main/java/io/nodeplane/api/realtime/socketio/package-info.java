/**
 * A Socket.IO v4 server engine (Socket.IO protocol 5 over Engine.IO 4) on Spring WebFlux, for the Noderax
 * agent and dashboard. Namespaces are beans implementing {@link io.nodeplane.api.realtime.socketio.SocketIoNamespace};
 * they authenticate their clients themselves (handshake {@code auth}, events) and talk to them through
 * {@link io.nodeplane.api.realtime.socketio.SocketIoSocket}. The engine is {@link io.nodeplane.api.realtime.socketio.SocketIoServer},
 * served on {@code /socket.io/}; settings under {@code nodeplane.realtime.socket-io}.
 *
 * <p>Supported:
 * <ul>
 *   <li>the WebSocket transport (the server sends the open packet first, {@code upgrades:[]});</li>
 *   <li>the long-polling transport: handshake GET (200 {@code text/plain} open packet, {@code upgrades:["websocket"]}),
 *       GET with {@code sid} waiting up to pingInterval for packets joined with U+001E (a noop when none came),
 *       POST with {@code sid}, and the upgrade to WebSocket ({@code 2probe}/{@code 3probe}/{@code 5});</li>
 *   <li>the Engine.IO 4 heartbeat (server pings, no pong within pingTimeout closes with "ping timeout"),
 *       client pings answered with pongs, maxPayload for WebSocket frames and POST bodies;</li>
 *   <li>several namespaces multiplexed over one connection, CONNECT with {@code auth}, CONNECT_ERROR
 *       ({@code "Invalid namespace"} for an unknown one), DISCONNECT both ways, events with and without ack;</li>
 *   <li>per socket, events handled one at a time in arrival order; per connection, a bounded outbound queue:
 *       when it is full the connection is closed as a "slow consumer", so emitters never block;</li>
 *   <li>the reference server's HTTP errors: 400 {@code {"code":0|1|2|3|5,"message":…}}.</li>
 * </ul>
 *
 * <p>Not supported:
 * <ul>
 *   <li>binary data: BINARY_EVENT and BINARY_ACK packets, binary WebSocket frames and base64 {@code b…} polling
 *       packets close the connection (the Noderax clients send JSON only);</li>
 *   <li>server-emitted events that ask the client for an ack (a client ACK packet is ignored), rooms and
 *       broadcasting (namespaces keep their own socket sets and fan out with {@code emitJson});</li>
 *   <li>Engine.IO 3 / Socket.IO v2 clients ({@code EIO=3} is answered 400), JSONP polling, connection state
 *       recovery, CORS and Origin checks (left to a WebFilter);</li>
 *   <li>a duplicate CONNECT to a namespace already joined on the same connection is answered CONNECT_ERROR.</li>
 * </ul>
 *
 * <p>Malformed packets close the connection (logged at debug), they never throw out of the transport.
 */
package io.nodeplane.api.realtime.socketio;
