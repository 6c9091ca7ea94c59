package io.nodeplane.api.web;

import org.springframework.http.HttpStatus;

/** 429 {@code TOO_MANY_ATTEMPTS}; the error handler adds {@code Retry-After}. */
public class TooManyAttemptsException extends ApiException {

    public static final String CODE = "TOO_MANY_ATTEMPTS";

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, CODE, "Too many attempts; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
