package io.nodeplane.api.limits;

import io.nodeplane.api.config.NodeplaneProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the counters live: Redis when it is enabled (shared by every instance), else this process. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    AttemptStore attemptStore(NodeplaneProperties nodeplane, LimitProperties limits) {
        InMemoryAttemptStore memory = new InMemoryAttemptStore();
        return nodeplane.redis().enabled()
                ? new RedisAttemptStore(nodeplane.redis().uri(), limits.redisKeyPrefix(), memory) : memory;
    }
}
