package io.nodeplane.projections.support;

import io.r2dbc.spi.ConnectionFactory;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Every processing group runs as a tracking processor, and a failing handler is never
 * skipped: the error propagates, the segment is released and retried with back-off, so a read model
 * never silently misses an event. The writes of a batch go to the read models together, at its commit
 * ({@link ProjectionWrites}).
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    ConfigurerModule projectionProcessing(TransactionManager transactions, DataSource dataSource,
                                          ConnectionFactory connections, DatabaseClient db) {
        // a private transaction manager: the application's transaction manager stays the JDBC one
        ProjectionWrites writes = new ProjectionWrites(
                TransactionalOperator.create(new R2dbcTransactionManager(connections)), db);
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerDefaultTransactionManager(c -> new ProjectionTransactions(transactions, dataSource))
                .registerDefaultHandlerInterceptor((c, processorName) -> writes)
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
