package io.nodeplane.api.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;

/**
 * The tests' HTTP client, with its last steps kept (request started, connection opened, request sent,
 * response received, connection closed) for {@link DiagnoseTimeouts}: where a request that timed out
 * stopped tells whether it waited for a connection, for the server, or for nothing at all.
 */
public final class ClientTrace {

    private static final int KEPT = 60;
    private static final Deque<String> STEPS = new ArrayDeque<>();
    private static final long T0 = System.nanoTime();

    private ClientTrace() {
    }

    static ReactorClientHttpConnector connector() {
        return new ReactorClientHttpConnector(HttpClient.create()
                .doOnConnected(c -> step(c, "connected"))
                .doOnDisconnected(c -> step(c, "disconnected"))
                .doOnRequest((request, c) -> step(c, "writing " + line(request)))
                .doAfterRequest((request, c) -> step(c, "sent " + line(request)))
                .doOnResponse((response, c) -> step(c, "response " + response.status().code() + " to "
                        + response.method() + " " + response.uri()))
                .doOnRequestError((request, e) -> step(null, "request failed " + line(request) + ": " + e))
                .doOnResponseError((response, e) -> step(null, "response failed " + response.uri() + ": " + e)));
    }

    /** Marks when the test asked for a request, before any connection was chosen for it. */
    static ExchangeFilterFunction started() {
        return (request, next) -> {
            step(null, "asked " + request.method() + " " + request.url().getRawPath());
            return next.exchange(request);
        };
    }

    static List<String> last(int count) {
        synchronized (STEPS) {
            return STEPS.stream().skip(Math.max(0, STEPS.size() - count)).toList();
        }
    }

    private static String line(HttpClientRequest request) {
        return request.method() + " " + request.uri();
    }

    private static void step(Connection connection, String what) {
        String entry = (System.nanoTime() - T0) / 1_000_000 + "ms "
                + (connection == null ? "" : connection.channel().id().asShortText() + " ") + what;
        synchronized (STEPS) {
            STEPS.addLast(entry);
            if (STEPS.size() > KEPT) {
                STEPS.removeFirst();
            }
        }
    }
}
