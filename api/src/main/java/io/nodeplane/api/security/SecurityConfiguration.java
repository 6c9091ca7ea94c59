package io.nodeplane.api.security;

import io.nodeplane.api.web.ErrorResponses;
import io.nodeplane.query.user.UserQueryService;
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
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
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
        "/api/v1/auth/login", "/api/v1/docs", "/api/v1/docs/**", "/api/v1/docs-json", "/api/v1/docs-json/**",
        "/webjars/**", "/install.sh",
        // agents authenticate themselves (AgentAuthenticator: agent token, never a JWT)
        "/api/v1/agent/**", "/api/v1/enrollments/initiate", "/api/v1/node-installs/progress",
        "/api/v1/node-installs/consume"
    };

    /** Agent routes carry an agent token in {@code Authorization}; the JWT filter must not judge it. */
    static final String[] AGENT = {"/api/v1/agent/**"};

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager tokens,
                                               ErrorResponses errors) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(tokens);
        bearer.setServerAuthenticationConverter(exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Mono.empty();
            }
            String token = header.substring(7).trim();
            return Mono.just(new UsernamePasswordAuthenticationToken(token, token));
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

    @Bean
    ReactiveAuthenticationManager bearerTokens(JwtService jwt, UserQueryService users) {
        return authentication -> Mono.justOrEmpty(jwt.verify((String) authentication.getCredentials()))
                .flatMap(claims -> users.byId(claims.userId())
                        .filter(user -> user.isActive() && user.sessionVersion() == claims.sessionVersion()))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Invalid or expired token")))
                .map(user -> new UsernamePasswordAuthenticationToken(
                        new AuthenticatedUser(user), null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.role().toUpperCase()))));
    }
}
