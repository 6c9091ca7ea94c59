package io.nodeplane.api.config.db;

import java.net.URI;

/**
 * The one database both the JDBC (event store, Flyway) and the R2DBC (read models) sides use.
 *
 * @param embedded the running embedded server, or {@code null} for an external database
 */
public record DatabaseEndpoint(String host, int port, String database, String username, String password,
                               EmbeddedPostgres embedded) implements AutoCloseable {

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Parses {@code jdbc:postgresql://}, {@code postgresql://} or {@code postgres://} URLs. */
    static DatabaseEndpoint fromUrl(String url, String username, String password) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        String user = username;
        String pass = password;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = DatabaseProperties.notBlank(user) ? user : parts[0];
            pass = DatabaseProperties.notBlank(pass) ? pass : (parts.length > 1 ? parts[1] : "");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseEndpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                path.isEmpty() ? "nodeplane" : path, user == null ? "postgres" : user, pass == null ? "" : pass, null);
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[" + host + ":" + port + "/" + database + " as " + username + "]";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
