package io.nodeplane.api.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Works around a Reactor Netty 1.2 server bug: on a keep-alive connection, a request that arrives before the
 * previous request's operations have terminated is buffered, and the connection can then stop reading, so
 * that request never gets an answer (reactor/reactor-netty#4361, #4347; seen here as agents' and operators'
 * requests hanging after an earlier one on the same connection). With {@code lastFlushWhenNoRead} the server
 * terminates the previous operations first and dispatches the request at once. The property is read once,
 * when the server's traffic handler class loads, so it is set before the web server starts; an explicit
 * {@code -Dreactor.netty.http.server.lastFlushWhenNoRead} wins.
 */
public class KeepAliveReads implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
