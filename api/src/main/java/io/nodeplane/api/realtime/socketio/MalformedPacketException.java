package io.nodeplane.api.realtime.socketio;

/** Input that is not a valid (or not a supported) Engine.IO or Socket.IO packet; the connection gets closed. */
final class MalformedPacketException extends RuntimeException {

    MalformedPacketException(String message) {
        // raised by clients at will: no stack trace to fill
        super(message, null, false, false);
    }
}
