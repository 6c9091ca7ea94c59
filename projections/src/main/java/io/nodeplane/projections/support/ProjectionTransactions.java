package io.nodeplane.projections.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Transactions of the projection processors, which hold only their tracking tokens: committed
 * without waiting for the WAL flush ({@code synchronous_commit = off}). A token lost in a crash only
 * makes a projection handle a few events again, which every projection does idempotently; events and
 * command-side tables keep fully durable commits.
 */
final class ProjectionTransactions implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;

    ProjectionTransactions(TransactionManager delegate, DataSource dataSource) {
        this.delegate = delegate;
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (SQLException e) {
            transaction.rollback();
            throw new IllegalStateException("Could not relax the projection transaction's commit", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return transaction;
    }
}
