package io.nodeplane.api.realtime.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.support.ApplicationIT;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine inside the whole application: public route, security and filters in front of it. */
class SocketIoApplicationIT extends ApplicationIT {

    @Autowired
    private SocketIoServer engine;
    @LocalServerPort
    private int port;

    @Test
    void answersTheAgentsPollingPreflightWithoutCredentials() {
        String body = http.get().uri("/socket.io/?EIO=4&transport=polling").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Type", "text/plain; charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).startsWith("0{").contains("\"sid\"");
    }

    @Test
    void servesTheDefaultNamespaceOverWebSocketAndRefusesUnknownOnes() throws Exception {
        IO.Options options = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(new String[] {WebSocket.NAME}).build();
        Socket root = IO.socket(URI.create("http://127.0.0.1:" + port + "/"), options);
        Socket unknown = IO.socket(URI.create("http://127.0.0.1:" + port + "/no-such-namespace"), options);
        BlockingQueue<Object[]> connected = new LinkedBlockingQueue<>();
        BlockingQueue<Object[]> refused = new LinkedBlockingQueue<>();
        root.on(Socket.EVENT_CONNECT, connected::add);
        unknown.on(Socket.EVENT_CONNECT_ERROR, refused::add);
        try {
            root.connect();
            unknown.connect();
            assertThat(connected.poll(15, TimeUnit.SECONDS)).isNotNull();
            Object[] error = refused.poll(15, TimeUnit.SECONDS);
            assertThat(error).isNotNull();
            assertThat(((JSONObject) error[0]).getString("message")).isEqualTo("Invalid namespace");
        } finally {
            root.close();
            unknown.close();
        }
        await().until(() -> engine.openConnections() == 0);
    }
}
