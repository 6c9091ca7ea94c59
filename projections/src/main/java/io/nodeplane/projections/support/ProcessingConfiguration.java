package io.nodeplane.projections.support;

import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every processing group runs as a tracking processor, and a failing handler is never
 * skipped: the error propagates, the segment is released and retried with back-off, so a read model
 * never silently misses an event.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    ConfigurerModule projectionProcessing(TransactionManager transactions, DataSource dataSource) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerDefaultTransactionManager(c -> new ProjectionTransactions(transactions, dataSource))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
