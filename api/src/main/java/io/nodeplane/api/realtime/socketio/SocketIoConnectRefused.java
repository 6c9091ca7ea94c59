package io.nodeplane.api.realtime.socketio;

/** Refuses a namespace connection: the client receives CONNECT_ERROR {@code {"message": <message>}}. */
public final class SocketIoConnectRefused extends RuntimeException {

    public SocketIoConnectRefused(String message) {
        // an expected outcome, not a failure: no stack trace to fill or log
        super(message, null, false, false);
    }
}
