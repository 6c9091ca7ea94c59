package io.nodeplane.api.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Behind {@code N} trusted proxies, the client is the {@code N}-th address from the right of
 * {@code X-Forwarded-For}: each proxy appends the peer it saw, and everything further left was written by the
 * client and may be forged. The request's remote address is replaced with it, so the audit log and the
 * attempt limits see the same client. With no trusted proxy (the default) the header is ignored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientAddressFilter implements WebFilter {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    // literals only: InetAddress would resolve a host name, a blocking DNS lookup on the event loop
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final int hops;

    ClientAddressFilter(ClientAddressProperties properties) {
        this.hops = properties.trustedProxyHops();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (hops == 0) {
            return chain.filter(exchange);
        }
        InetAddress client = client(exchange.getRequest().getHeaders().get(FORWARDED_FOR), hops);
        if (client == null) {
            return chain.filter(exchange);
        }
        InetSocketAddress remote = new InetSocketAddress(client, 0);
        return chain.filter(exchange.mutate().request(r -> r.remoteAddress(remote)).build());
    }

    /** The address {@code hops} from the right, or {@code null} when the header has fewer or is malformed. */
    static InetAddress client(List<String> headers, int hops) {
        if (headers == null) {
            return null;
        }
        List<String> hopsSeen = new ArrayList<>();
        for (String header : headers) {
            for (String entry : header.split(",")) {
                hopsSeen.add(entry.trim());
            }
        }
        if (hopsSeen.size() < hops) {
            return null;
        }
        String candidate = hopsSeen.get(hopsSeen.size() - hops);
        if (!IP_LITERAL.matcher(candidate).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
