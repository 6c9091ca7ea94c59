package io.nodeplane.api.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Task claims are the hottest route (every agent, continuously) and are counted by their own counters
 * ({@code /diagnostics/task-flow}); an HTTP observation each would cost more than the claim itself.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    static final String CLAIM_PATH = "/api/v1/agent/tasks/claim";

    @Bean
    ObservationPredicate noClaimObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && CLAIM_PATH.equals(request.getCarrier().getPath().value()));
    }
}
