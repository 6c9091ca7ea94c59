package io.nodeplane.api.config.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is: {@code DB_URL}, or {@code DB_HOST} with port, user, password and name. With
 * neither set the service runs an embedded PostgreSQL in the state directory.
 */
@ConfigurationProperties("nodeplane.db")
public record DatabaseProperties(String url, String host, Integer port, String username, String password, String name) {

    boolean external() {
        return notBlank(url) || notBlank(host);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
