package io.nodeplane.api.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error the API answers on purpose, with a status, a stable code and a human message. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<String> errors;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    /** A validation failure: {@code errors} lists each problem, {@code message} joins them. */
    public ApiException(HttpStatus status, String code, String message, List<String> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** Individual validation errors, or {@code null}. */
    public List<String> errors() {
        return errors;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", message);
    }
}
