package io.nodeplane.api.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.query.telemetry.BatchWriter;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The single place where failures become HTTP answers: a precise 4xx for anything the client can
 * fix, a plain 500 (never a stack trace) for the rest, always in the contract's error shape.
 */
@Component
@Order(-2)
class ApiErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private static final java.util.regex.Pattern TOKEN_IN_PATH =
            java.util.regex.Pattern.compile("(/auth/(?:invitations|password/reset)/)[^/]+");

    private final ErrorResponses responses;

    ApiErrorHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof TooManyAttemptsException e) {
            exchange.getResponse().getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER,
                    Long.toString(e.retryAfterSeconds()));
        }
        if (ex instanceof ApiException e) {
            return responses.write(exchange, e.status(), e.code(), e.getMessage(), e.errors());
        }
        if (ex instanceof CommandRejectedException e) {
            return responses.write(exchange, status(e.kind()), e.code(), e.getMessage(), null);
        }
        if (causedBy(ex, AggregateNotFoundException.class)) {
            return responses.write(exchange, HttpStatus.NOT_FOUND, "NOT_FOUND", "The resource was not found", null);
        }
        if (causedBy(ex, ConcurrencyException.class) || causedBy(ex, ConflictingModificationException.class)) {
            return responses.write(exchange, HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "The resource was changed concurrently; reload and retry", null);
        }
        if (ex instanceof WebExchangeBindException e) {
            List<String> errors = e.getFieldErrors().stream().map(ApiErrorHandler::describe).toList();
            List<String> all = errors.isEmpty()
                    ? e.getAllErrors().stream().map(o -> o.getDefaultMessage()).toList() : errors;
            return responses.write(exchange, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", String.join("; ", all), all);
        }
        if (causedBy(ex, DataBufferLimitException.class)) {
            return responses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "Request body is too large", null);
        }
        if (ex instanceof ServerWebInputException e) {
            return input(exchange, e);
        }
        if (ex instanceof ResponseStatusException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            status = status == null ? HttpStatus.BAD_REQUEST : status;
            String message = e.getReason() != null ? e.getReason() : status.getReasonPhrase();
            if (status == HttpStatus.NOT_FOUND) {
                message = "Cannot " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
            }
            return responses.write(exchange, status, status.name(), message, null);
        }
        if (ex instanceof BatchWriter.OverloadedException) {
            return responses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "OVERLOADED",
                    "Telemetry ingestion is saturated; retry shortly", null);
        }
        if (ex instanceof AccessDeniedException) {
            return responses.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden resource", null);
        }
        if (ex instanceof AuthenticationException) {
            return responses.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized", null);
        }
        if (causedBy(ex, reactor.netty.channel.AbortedException.class)) {
            // the client went away (timeout, shutdown): nothing to answer and nothing wrong here
            log.debug("Client closed the connection during {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            return Mono.empty();
        }
        // one-time link tokens travel in the path: never let one reach a log line
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(),
                TOKEN_IN_PATH.matcher(exchange.getRequest().getPath().value()).replaceAll("$1***"), ex);
        return responses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal server error", null);
    }

    private Mono<Void> input(ServerWebExchange exchange, ServerWebInputException e) {
        Throwable cause = e.getCause() instanceof DecodingException d && d.getCause() != null ? d.getCause() : e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            String message = "property " + u.getPropertyName() + " should not exist";
            return responses.write(exchange, HttpStatus.BAD_REQUEST, "UNKNOWN_PROPERTY", message, List.of(message));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            MismatchedInputException m = (MismatchedInputException) cause;
            String field = m.getPath().isEmpty() ? "body" : m.getPath().get(m.getPath().size() - 1).getFieldName();
            String message = field + " has the wrong type";
            return responses.write(exchange, HttpStatus.BAD_REQUEST, "INVALID_FIELD", message, List.of(message));
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return responses.write(exchange, HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Request body is not valid JSON", null);
        }
        String reason = e.getReason() == null ? "Invalid request" : e.getReason();
        if (reason.contains("No request body")) {
            return responses.write(exchange, HttpStatus.BAD_REQUEST, "BODY_REQUIRED", "Request body is required", null);
        }
        return responses.write(exchange, HttpStatus.BAD_REQUEST, "BAD_REQUEST", reason, null);
    }

    private static String describe(FieldError error) {
        return error.getField() + " " + error.getDefaultMessage();
    }

    private static HttpStatus status(CommandRejectedException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
        };
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
