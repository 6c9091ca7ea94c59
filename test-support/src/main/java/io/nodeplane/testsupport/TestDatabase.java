package io.nodeplane.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty database on the real PostgreSQL server the tests use (never an in-memory stand-in),
 * dropped again by {@link #close()}. The server is {@code 127.0.0.1:5432} as {@code postgres} unless
 * {@code NODEPLANE_TEST_DB_HOST}, {@code _PORT}, {@code _USERNAME} and {@code _PASSWORD} say otherwise.
 */
public final class TestDatabase implements AutoCloseable {

    public final String host = env("NODEPLANE_TEST_DB_HOST", "127.0.0.1");
    public final int port = Integer.parseInt(env("NODEPLANE_TEST_DB_PORT", "5432"));
    public final String username = env("NODEPLANE_TEST_DB_USERNAME", "postgres");
    public final String password = env("NODEPLANE_TEST_DB_PASSWORD", "");
    public final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates a database with a unique name, so test runs never share or assume state. */
    public static TestDatabase create(String prefix) {
        TestDatabase db = new TestDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        db.admin("CREATE DATABASE " + db.name);
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username, password);
    }

    /** Runs one query and returns the first column of the first row as a long. */
    public long queryLong(String sql) {
        return firstValue(sql, Long.class);
    }

    /** Runs one query and returns the first column of the first row as text. */
    public String queryString(String sql) {
        return firstValue(sql, String.class);
    }

    /** Runs one query and returns each row as {@code column=value;…} text, for comparing read models. */
    public List<String> rows(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private <T> T firstValue(String sql, Class<T> type) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getObject(1, type);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, username, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is needed for this test: " + sql, e);
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
