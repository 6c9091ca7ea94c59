package io.nodeplane.api.config.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nodeplane.api.config.NodeplaneProperties;
import io.nodeplane.query.support.ReadModelConnections;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.netty.resources.LoopResources;

/**
 * One database, two access paths: a JDBC pool for Axon's event store and Flyway (blocking, used off
 * the event loop) and an R2DBC pool for the read models, both built from the same settings.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseEndpoint databaseEndpoint(DatabaseProperties db, NodeplaneProperties nodeplane) {
        DatabaseEndpoint endpoint;
        if (DatabaseProperties.notBlank(db.url())) {
            endpoint = DatabaseEndpoint.fromUrl(db.url(), db.username(), db.password());
        } else if (DatabaseProperties.notBlank(db.host())) {
            endpoint = new DatabaseEndpoint(db.host(), db.port() == null ? 5432 : db.port(),
                    DatabaseProperties.notBlank(db.name()) ? db.name() : "nodeplane",
                    DatabaseProperties.notBlank(db.username()) ? db.username() : "postgres",
                    db.password() == null ? "" : db.password(), null);
        } else {
            Path state = nodeplane.stateDir().toAbsolutePath().normalize();
            EmbeddedPostgres server = EmbeddedPostgres.start(state);
            endpoint = new DatabaseEndpoint("127.0.0.1", server.port(), EmbeddedPostgres.DATABASE,
                    EmbeddedPostgres.USER, server.password(), server);
        }
        ensureDatabaseExists(endpoint);
        if (endpoint.embedded() != null) {
            log.info("Database: embedded PostgreSQL on 127.0.0.1:{}, data in {}", endpoint.port(),
                    endpoint.embedded().dataDir());
        } else {
            log.info("Database: external PostgreSQL at {}:{}/{} as {}", endpoint.host(), endpoint.port(),
                    endpoint.database(), endpoint.username());
        }
        return endpoint;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseEndpoint endpoint) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.username());
        config.setPassword(endpoint.password());
        // commands, plus one connection per projection thread, which holds its token transaction open
        // while it writes the read model
        config.setMaximumPoolSize(30);
        // grown on demand: several instances (or test contexts) must fit in one server's connection limit
        config.setMinimumIdle(5);
        config.setPoolName("nodeplane-jdbc");
        return new HikariDataSource(config);
    }

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    /** Unpooled connections, for long-lived listeners (LISTEN/NOTIFY). */
    @Bean
    PostgresqlConnectionFactory listenerConnectionFactory(DatabaseEndpoint endpoint) {
        return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(endpoint.host()).port(endpoint.port()).database(endpoint.database())
                .username(endpoint.username()).password(endpoint.password())
                .applicationName("nodeplane-listener").build());
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool sharedConnectionPool(PostgresqlConnectionFactory connections) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .initialSize(2).maxSize(20).maxIdleTime(Duration.ofMinutes(10)).name("nodeplane-r2dbc").build());
    }

    /** The projections' read-model writers: a connection per busy processor, I/O threads of their own. */
    @Bean(destroyMethod = "dispose")
    ConnectionPool writerConnectionPool(DatabaseEndpoint endpoint) {
        PostgresqlConnectionFactory connections = new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder()
                        .host(endpoint.host()).port(endpoint.port()).database(endpoint.database())
                        .username(endpoint.username()).password(endpoint.password())
                        .applicationName("nodeplane-projections")
                        .loopResources(LoopResources.create("nodeplane-projections", 4, true)).build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .initialSize(1).maxSize(16).maxIdleTime(Duration.ofMinutes(10)).name("nodeplane-projections").build());
    }

    @Bean
    @Primary
    ConnectionFactory connectionFactory(ConnectionPool sharedConnectionPool, ConnectionPool writerConnectionPool) {
        return new ReadModelConnections(sharedConnectionPool, writerConnectionPool);
    }

    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    // A fresh server (embedded, or an operator's) may not have our database yet.
    private static void ensureDatabaseExists(DatabaseEndpoint endpoint) {
        String adminUrl = "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, endpoint.username(), endpoint.password());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '"
                    + endpoint.database().replace("'", "''") + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + endpoint.database().replace("\"", "\"\"") + "\"");
                log.info("Created database {}", endpoint.database());
            }
        } catch (SQLException e) {
            // an operator's database may forbid this; connecting to the database itself tells the truth
            log.debug("Could not check for database {}: {}", endpoint.database(), e.getMessage());
        }
    }
}
