package io.nodeplane.api.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a background job on one instance at a time: a PostgreSQL advisory lock held on a dedicated
 * connection for the length of the run. An instance that does not get the lock skips this run.
 */
@Component
public class ClusterLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code job} if this instance holds {@code lock}; failures are logged and retried next run. */
    public void run(long lock, Runnable job) {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection, lock)) {
                return; // another instance is running this job
            }
            try {
                job.run();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, lock);
                    unlock.execute();
                }
            }
        } catch (Exception e) {
            log.warn("Background job failed, will retry at the next interval: {}", e.toString());
        }
    }

    private static boolean tryLock(Connection connection, long lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, lock);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
