package io.nodeplane.api.auth;

import io.nodeplane.api.web.ApiError;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The documented 429 of a route guarded by {@link io.nodeplane.api.limits.AttemptLimiter}. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS: too many recent failures for this account or "
        + "from this address; nothing was checked. Retry after the number of seconds in Retry-After",
        headers = @Header(name = "Retry-After", description = "seconds until the window frees a slot",
                schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@interface TooManyAttemptsResponse {
}
