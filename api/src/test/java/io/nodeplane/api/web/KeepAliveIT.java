package io.nodeplane.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.api.support.ApplicationIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that keeps its connection open (the agent, a browser) gets an answer to every request on it, also
 * when it sends the next request as soon as it has read an answer, and sends a body apart from its headers.
 * Reactor Netty lost such a request now and then until {@code KeepAliveReads}.
 */
class KeepAliveIT extends ApplicationIT {

    @LocalServerPort
    private int port;

    @Test
    void everyRequestOnOneKeepAliveConnectionIsAnswered() throws IOException {
        String login = "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // far longer than any answer takes: a lost request fails the test instead of hanging it
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 40; i++) {
                send(out, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(status(in)).as("health, round %d", i).isEqualTo(200);
                send(out, "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + login.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n");
                send(out, login);
                assertThat(status(in)).as("login, round %d", i).isEqualTo(200);
            }
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one whole response (headers, then a body of its Content-Length) and returns its status. */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
        return Integer.parseInt(lines[0].split(" ")[1]);
    }
}
