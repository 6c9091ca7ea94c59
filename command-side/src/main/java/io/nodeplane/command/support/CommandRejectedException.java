package io.nodeplane.command.support;

/**
 * A command broke a business rule. Carries the HTTP-facing outcome so the API can answer with the
 * right status and a stable {@code code} instead of a 500.
 */
public class CommandRejectedException extends RuntimeException {

    /** How the rejection surfaces to a client. */
    public enum Kind { BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, CONFLICT, GONE }

    private final Kind kind;
    private final String code;

    public CommandRejectedException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static CommandRejectedException badRequest(String code, String message) {
        return new CommandRejectedException(Kind.BAD_REQUEST, code, message);
    }

    public static CommandRejectedException notFound(String code, String message) {
        return new CommandRejectedException(Kind.NOT_FOUND, code, message);
    }

    public static CommandRejectedException conflict(String code, String message) {
        return new CommandRejectedException(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
