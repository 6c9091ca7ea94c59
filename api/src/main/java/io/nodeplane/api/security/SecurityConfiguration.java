package io.nodeplane.api.security;

import io.nodeplane.api.web.ErrorResponses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Stateless bearer-token security. A token is accepted only while its user is active and its
 * {@code sessionVersion} still matches the user's current one, so revoking sessions takes effect at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {
        "/health", "/health/**", "/api/v1/health", "/api/v1/health/**", "/metrics",
        "/api/v1/auth/login", "/api/v1/auth/invitations/*", "/api/v1/auth/invitations/*/accept",
        "/api/v1/auth/password/forgot", "/api/v1/auth/password/reset/*",
        // the second step of an MFA sign-in: the challenge token in the body is the credential
        "/api/v1/auth/mfa/challenge/verify", "/api/v1/auth/mfa/recovery/verify",
        "/api/v1/docs", "/api/v1/docs/**", "/api/v1/docs-json", "/api/v1/docs-json/**",
        "/webjars/**", "/install.sh",
        // agents authenticate themselves (AgentAuthenticator: agent token, never a JWT)
        "/api/v1/agent/**", "/api/v1/enrollments/initiate", "/api/v1/node-installs/progress",
        "/api/v1/node-installs/consume",
        // Socket.IO namespaces authenticate their clients themselves (handshake auth, agent.auth)
        "/socket.io/**"
    };

    /**
     * Agent routes carry an agent token in {@code Authorization}, and Socket.IO clients authenticate inside the
     * protocol (a client may still send a header of its own): the JWT filter must not judge these.
     */
    static final String[] AGENT = {"/api/v1/agent/**", "/socket.io", "/socket.io/**"};

    /** Realtime routes, where browsers that cannot set headers authenticate with a ticket or a subprotocol. */
    static final String[] REALTIME = {"/api/v1/workspaces/*/stream", "/api/v1/ws"};

    /** Marks a stream ticket among the credentials (an access token never contains a colon). */
    private static final String TICKET = "ticket:";

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager tokens,
                                               ErrorResponses errors) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(tokens);
        ServerWebExchangeMatcher realtime = ServerWebExchangeMatchers.pathMatchers(REALTIME);
        bearer.setServerAuthenticationConverter(exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String token = header.substring(7).trim();
                return Mono.just(new UsernamePasswordAuthenticationToken(token, token));
            }
            return realtime.matches(exchange).filter(ServerWebExchangeMatcher.MatchResult::isMatch)
                    .flatMap(match -> Mono.justOrEmpty(browserCredential(exchange)))
                    .map(credential -> new UsernamePasswordAuthenticationToken(credential, credential));
        });
        bearer.setAuthenticationFailureHandler((filterExchange, ex) ->
                errors.write(filterExchange.getExchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized", null));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(AGENT)));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // no sessions: the default request cache would create a WebSession (a bounded-elastic hop
                // and a SecureRandom UUID) on every request just to look for a saved one
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(ex -> ex.pathMatchers(PUBLIC).permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/enrollments/*").permitAll()
                        .anyExchange().authenticated())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) ->
                                errors.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized", null))
                        .accessDeniedHandler((exchange, ex) ->
                                errors.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden resource", null)))
                .build();
    }

    /** {@code ?ticket=} or a {@code Sec-WebSocket-Protocol: bearer, <token>} pair. */
    private static String browserCredential(ServerWebExchange exchange) {
        String ticket = exchange.getRequest().getQueryParams().getFirst("ticket");
        if (ticket != null && !ticket.isBlank()) {
            return TICKET + ticket;
        }
        List<String> protocols = exchange.getRequest().getHeaders().get("Sec-WebSocket-Protocol");
        if (protocols != null) {
            List<String> entries = protocols.stream().flatMap(p -> java.util.Arrays.stream(p.split(",")))
                    .map(String::trim).toList();
            int bearer = entries.indexOf("bearer");
            if (bearer >= 0 && bearer + 1 < entries.size()) {
                return entries.get(bearer + 1);
            }
        }
        return null;
    }

    @Bean
    ReactiveAuthenticationManager bearerTokens(JwtService jwt, StreamTickets tickets, SignedInUsers users) {
        return authentication -> Mono.justOrEmpty(credentials((String) authentication.getCredentials(), jwt, tickets))
                .flatMap(users::byClaims)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Invalid or expired token")))
                .map(user -> new UsernamePasswordAuthenticationToken(user, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.view().role().toUpperCase()))));
    }

    private static java.util.Optional<JwtService.TokenClaims> credentials(String credential, JwtService jwt,
                                                                         StreamTickets tickets) {
        return credential.startsWith(TICKET) ? tickets.redeem(credential.substring(TICKET.length())) : jwt.verify(credential);
    }
}
