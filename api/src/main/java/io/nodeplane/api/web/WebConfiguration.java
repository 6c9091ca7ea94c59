package io.nodeplane.api.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.config.NodeplaneProperties;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.Jackson2JsonDecoder;

/**
 * Request bodies are strict: unknown JSON properties are rejected (400) and bodies are bounded
 * ({@code HTTP_MAX_BODY_BYTES}, 413 beyond). The strictness lives in the web decoder only.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    CodecCustomizer strictJsonBodies(ObjectMapper objectMapper, NodeplaneProperties properties) {
        ObjectMapper strict = objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return configurer -> {
            Jackson2JsonDecoder decoder = new Jackson2JsonDecoder(strict);
            decoder.setMaxInMemorySize(properties.maxBodyBytes());
            configurer.defaultCodecs().jackson2JsonDecoder(decoder);
            configurer.defaultCodecs().maxInMemorySize(properties.maxBodyBytes());
        };
    }
}
