package io.nodeplane.api.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.nodeplane.api.agent.AgentTaskRequests.ClaimRequest;
import io.nodeplane.api.agent.TaskClaims.ClaimResponse;
import io.nodeplane.api.config.NodeplaneProperties;
import io.nodeplane.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /agent/tasks/claim}, the hottest route (every agent, continuously), as a functional route: the
 * annotated-controller dispatch (argument resolution, bean validation of every body, content negotiation)
 * cost more than the claim itself. It answers exactly as an annotated route would: the same 400s for a
 * malformed body, an unknown field or a field of the wrong type, 413 for an oversize body, 415 for a body
 * that is not JSON, and the same 401 for missing or wrong agent credentials.
 */
@Configuration(proxyBeanMethods = false)
class ClaimRoute {

    static final String PATH = "/api/v1/agent/tasks/claim";

    @Bean
    @RouterOperation(path = PATH, method = RequestMethod.POST, beanClass = Handler.class, beanMethod = "claim",
            operation = @Operation(operationId = "claimTask", tags = "Agent", summary = "Long-poll for the node's next task",
                    description = "Answers at once when a task is claimable, else when one is queued, else after waitMs "
                            + "(0..30000, default 15000) with task:null. Headers: Authorization: Bearer <agentToken>, "
                            + "x-agent-node-id.",
                    requestBody = @RequestBody(required = false,
                            content = @Content(schema = @Schema(implementation = ClaimRequest.class))),
                    responses = @ApiResponse(responseCode = "200", description = "The claimed task, or task:null",
                            content = @Content(schema = @Schema(implementation = ClaimResponse.class)))))
    RouterFunction<ServerResponse> claimRouter(Handler handler) {
        return RouterFunctions.route(RequestPredicates.POST(PATH), handler::claim);
    }

    @Component
    static class Handler {

        private final AgentAuthenticator authenticator;
        private final TaskClaims claims;
        private final Validator validator;
        private final ObjectReader reader;
        private final ObjectWriter writer;
        private final int maxBodyBytes;

        Handler(AgentAuthenticator authenticator, TaskClaims claims, Validator validator, ObjectMapper json,
                NodeplaneProperties properties) {
            this.authenticator = authenticator;
            this.claims = claims;
            this.validator = validator;
            // as strict as every other route's body (WebConfiguration): an unknown field is a 400
            this.reader = json.readerFor(ClaimRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            this.writer = json.writerFor(ClaimResponse.class);
            this.maxBodyBytes = properties.maxBodyBytes();
        }

        Mono<ServerResponse> claim(ServerRequest request) {
            ServerHttpRequest http = request.exchange().getRequest();
            // the body is judged first, as an annotated route's arguments are resolved before its method runs
            return body(request).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(body -> authenticator.authenticate(http).flatMap(agent -> claims.claim(agent,
                            body.map(ClaimRequest::waitMs).orElse(null), body.map(ClaimRequest::rootAccess).orElse(null))))
                    .flatMap(answer -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json(answer)));
        }

        /** The request's claim options; empty without a body (every option has a default). */
        private Mono<ClaimRequest> body(ServerRequest request) {
            return DataBufferUtils.join(request.exchange().getRequest().getBody(), maxBodyBytes).flatMap(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                return bytes.length == 0 ? Mono.empty() : Mono.fromCallable(() -> parse(request, bytes));
            });
        }

        private ClaimRequest parse(ServerRequest request, byte[] bytes) {
            MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_OCTET_STREAM);
            if (!MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                throw new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON));
            }
            ClaimRequest body;
            try {
                body = reader.readValue(bytes);
            } catch (IOException e) {
                throw new ServerWebInputException("Failed to read HTTP message", null, e);
            }
            if (body != null && body.rootAccess() != null) {
                Set<ConstraintViolation<ClaimRequest>> violations = validator.validate(body);
                if (!violations.isEmpty()) {
                    List<String> errors = violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted(Comparator.naturalOrder()).toList();
                    throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", String.join("; ", errors), errors);
                }
            }
            return body;
        }

        private byte[] json(ClaimResponse answer) {
            try {
                return writer.writeValueAsBytes(answer);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a claim answer", e);
            }
        }
    }
}
