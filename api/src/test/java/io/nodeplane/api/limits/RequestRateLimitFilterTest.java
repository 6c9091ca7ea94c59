package io.nodeplane.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ErrorResponses;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The general tier on a fixed clock: a plain filter over mock exchanges, no application. */
class RequestRateLimitFilterTest {

    private static final int LIMIT = 3;

    private final AtomicInteger passed = new AtomicInteger();
    private final WebFilterChain chain = exchange -> Mono.fromRunnable(passed::incrementAndGet);

    private static ErrorResponses errors() throws Exception {
        Constructor<ErrorResponses> c = ErrorResponses.class.getDeclaredConstructor(ObjectMapper.class);
        c.setAccessible(true);
        return c.newInstance(new ObjectMapper().findAndRegisterModules());
    }

    private static RequestRateLimitFilter filter(int limit, Clock clock) throws Exception {
        LimitProperties limits = new LimitProperties(10, 100, Duration.ofMinutes(15), limit, null);
        return new RequestRateLimitFilter(limits, clock, errors());
    }

    private static AuthenticatedUser user() {
        return new AuthenticatedUser(new io.nodeplane.query.user.UserView(ID, "u@example.com", "U", "user", true, "UTC",
                "accepted", null, null, false, false, 0, false, null, null, null, null));
    }

    private static final UUID ID = UUID.randomUUID();

    private MockServerWebExchange send(RequestRateLimitFilter filter, String path, AuthenticatedUser user) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        Mono<Void> call = filter.filter(exchange, chain);
        if (user != null) {
            call = call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                    new UsernamePasswordAuthenticationToken(user, null, java.util.List.of())));
        }
        call.block(Duration.ofSeconds(5));
        return exchange;
    }

    @Test
    void aUserGetsTheLimitPerMinuteThen429WithRetryAfterUntilTheMinuteEnds() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:20Z"), ZoneOffset.UTC);
        RequestRateLimitFilter filter = filter(LIMIT, clock);
        AuthenticatedUser user = user();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(send(filter, "/api/v1/workspaces", user).getResponse().getStatusCode()).isNull();
        }
        MockServerWebExchange refused = send(filter, "/api/v1/workspaces", user);
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("40");
        assertThat(refused.getResponse().getBodyAsString().block()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
        assertThat(passed).hasValue(LIMIT);

        // a new minute, a new window
        assertThat(filter.hit(ID, Instant.parse("2026-01-01T00:01:00Z").toEpochMilli())).isZero();
    }

    @Test
    void agentRoutesAndAnonymousRequestsAreNeverLimited() throws Exception {
        RequestRateLimitFilter filter = filter(1, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        AuthenticatedUser user = user();
        for (String path : new String[] {"/api/v1/agent/tasks/claim", "/socket.io/", "/api/v1/enrollments/initiate",
            "/api/v1/node-installs/progress"}) {
            for (int i = 0; i < 5; i++) {
                assertThat(send(filter, path, user).getResponse().getStatusCode()).isNull();
            }
        }
        for (int i = 0; i < 5; i++) {
            assertThat(send(filter, "/api/v1/health", null).getResponse().getStatusCode()).isNull();
        }
        assertThat(passed).hasValue(25);
    }

    @Test
    void zeroTurnsTheTierOff() throws Exception {
        RequestRateLimitFilter filter = filter(0, Clock.systemUTC());
        AuthenticatedUser user = user();
        for (int i = 0; i < 100; i++) {
            send(filter, "/api/v1/workspaces", user);
        }
        assertThat(passed).hasValue(100);
    }
}
