package io.nodeplane.api.limits;

import io.nodeplane.api.command.Commands;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.TooManyAttemptsException;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.events.auth.LoginThrottledEvent;
import io.nodeplane.events.auth.LoginThrottledEvent.LimitedBy;
import io.nodeplane.events.auth.LoginThrottledEvent.Route;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Brute-force protection of the public authentication routes. Before the request is examined, the account's
 * and the caller address's recent failures are counted; at the limit the answer is 429 with
 * {@code Retry-After}, without checking anything (so a locked account does not reveal whether a password is
 * right), and the lock-out is recorded once as a {@link LoginThrottledEvent}.
 *
 * <p>A failure is a refused sign-in (401) or an unknown, used or expired link (404, 410). A password-reset
 * request always answers 200, so there every request counts: that limits the e-mails anyone can trigger. A
 * successful sign-in clears the account's failures but not the address's.
 */
@Component
public class AttemptLimiter {

    private final AttemptStore store;
    private final LimitProperties limits;
    private final Commands commands;
    private final Clock clock;

    AttemptLimiter(AttemptStore store, LimitProperties limits, Commands commands, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Runs {@code action} unless a limit is reached. The attempt takes a slot in both counters first (so that
     * a burst of concurrent attempts cannot slip past the limit while the first ones are being checked) and
     * gives them back when the outcome is not a failure.
     */
    public <T> Mono<T> guard(Attempt attempt, Supplier<Mono<T>> action) {
        String accountKey = attempt.account() == null ? null : "acct:" + family(attempt.route()) + ":" + attempt.account();
        String ip = attempt.actor().ipAddress();
        String ipKey = ip == null ? null : "ip:" + ip;
        long now = clock.millis();
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return take(accountKey, limits.maxFailuresPerAccount(), now, id).flatMap(accountWait -> accountWait > 0
                ? refuse(attempt, LimitedBy.ACCOUNT, accountKey, accountWait, now)
                : take(ipKey, limits.maxFailuresPerIp(), now, id).flatMap(ipWait -> ipWait > 0
                        ? give(accountKey, now, id).then(refuse(attempt, LimitedBy.IP, ipKey, ipWait, now))
                        : run(attempt.route(), action, accountKey, ipKey, now, id)));
    }

    private <T> Mono<T> run(Route route, Supplier<Mono<T>> action, String accountKey, String ipKey, long at, String id) {
        return action.get()
                .onErrorResume(e -> isFailure(e) ? Mono.error(e)
                        : Mono.when(give(accountKey, at, id), give(ipKey, at, id)).then(Mono.error(e)))
                .flatMap(result -> (switch (route) {
                    // a reset request always succeeds: every one keeps its slots
                    case PASSWORD_FORGOT -> Mono.<Void>empty();
                    case LOGIN -> Mono.when(store.clear(accountKey), give(ipKey, at, id));
                    default -> Mono.when(give(accountKey, at, id), give(ipKey, at, id));
                }).thenReturn(result));
    }

    private Mono<Long> take(String key, int max, long now, String id) {
        return key == null ? Mono.just(0L) : store.acquire(key, max, limits.failureWindow(), now, id);
    }

    private Mono<Void> give(String key, long at, String id) {
        return key == null ? Mono.empty() : store.release(key, at, id);
    }

    private <T> Mono<T> refuse(Attempt attempt, LimitedBy by, String key, long waitMillis, long now) {
        long seconds = (waitMillis + 999) / 1000;
        // one audit event per lock-out: a flood of refused requests must not become a flood of writes
        return store.firstNotice(key, Duration.ofMillis(waitMillis), now)
                .flatMap(first -> first ? commands.record(new LoginThrottledEvent(attempt.account(), attempt.route(), by,
                        seconds), attempt.actor()) : Mono.<Void>empty())
                .then(Mono.error(new TooManyAttemptsException(seconds)));
    }

    private static boolean isFailure(Throwable e) {
        if (e instanceof ApiException a) {
            return a.status() == HttpStatus.UNAUTHORIZED || a.status() == HttpStatus.NOT_FOUND
                    || a.status() == HttpStatus.GONE;
        }
        return e instanceof CommandRejectedException c && (c.kind() == CommandRejectedException.Kind.UNAUTHORIZED
                || c.kind() == CommandRejectedException.Kind.NOT_FOUND || c.kind() == CommandRejectedException.Kind.GONE);
    }

    /** Sign-in and reset requests are counted apart, so asking for reset links never locks sign-in. */
    private static String family(Route route) {
        return route == Route.PASSWORD_FORGOT ? "forgot" : "login";
    }
}
