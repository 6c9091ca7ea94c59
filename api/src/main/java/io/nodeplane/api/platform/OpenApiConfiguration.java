package io.nodeplane.api.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI document at {@code /api/v1/docs-json}, Swagger UI at {@code /api/v1/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI nodeplaneOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Nodeplane API").version("v1")
                        .description("Control plane for fleets of Linux nodes; speaks the Noderax HTTP contract. "
                                + "Errors: {statusCode, path, timestamp, message, error, code} (+ errors[] for validation)."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from POST /api/v1/auth/login")));
    }
}
