package io.nodeplane.api.command;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.RequestContextFilter;
import io.nodeplane.events.audit.AuditMetadata;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Builds the {@link Actor} of an HTTP request. */
public final class Actors {

    private static final int MAX_USER_AGENT = 512;

    private Actors() {
    }

    /** The caller of this exchange: the signed-in user if any, else an anonymous user-type actor. */
    public static Mono<Actor> of(ServerWebExchange exchange) {
        Actor anonymous = anonymous(exchange);
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(p -> ((Authentication) p).getPrincipal())
                .filter(AuthenticatedUser.class::isInstance)
                .map(p -> anonymous.as(((AuthenticatedUser) p).id(), ((AuthenticatedUser) p).email()))
                .defaultIfEmpty(anonymous);
    }

    /** The signed-in user of this exchange. */
    public static Actor of(ServerWebExchange exchange, AuthenticatedUser user) {
        return anonymous(exchange).as(user.id(), user.email());
    }

    public static Actor anonymous(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        String ua = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        if (ua != null && ua.length() > MAX_USER_AGENT) {
            ua = ua.substring(0, MAX_USER_AGENT);
        }
        return new Actor(AuditMetadata.ACTOR_TYPE_USER, null, null, ip, ua,
                exchange.getAttribute(RequestContextFilter.CORRELATION_ATTRIBUTE));
    }
}
