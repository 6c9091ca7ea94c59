package io.nodeplane.api.limits;

import io.nodeplane.api.command.Actor;
import io.nodeplane.events.auth.LoginThrottledEvent.Route;
import java.util.Locale;

/**
 * One request to a limited public route.
 *
 * @param route   the route, which decides what counts as a failure
 * @param account the e-mail address the request names (normalised here), or {@code null} on the link routes
 * @param actor   the caller, whose address is the per-IP key
 */
public record Attempt(Route route, String account, Actor actor) {

    public Attempt {
        account = account == null ? null : account.trim().toLowerCase(Locale.ROOT);
    }

    public static Attempt login(String email, Actor actor) {
        return new Attempt(Route.LOGIN, email, actor);
    }

    public static Attempt forgotPassword(String email, Actor actor) {
        return new Attempt(Route.PASSWORD_FORGOT, email, actor);
    }

    public static Attempt link(Route route, Actor actor) {
        return new Attempt(route, null, actor);
    }
}
