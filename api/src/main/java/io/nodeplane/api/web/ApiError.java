package io.nodeplane.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Every error body, in the Noderax shape plus a stable {@code code}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Error response")
public record ApiError(
        @Schema(example = "400") int statusCode,
        @Schema(example = "/api/v1/auth/login") String path,
        Instant timestamp,
        @Schema(example = "property foo should not exist") String message,
        @Schema(example = "Bad Request") String error,
        @Schema(example = "VALIDATION_FAILED") String code,
        @Schema(description = "Each validation problem, for validation errors only") List<String> errors) {
}
