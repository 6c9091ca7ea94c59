package io.nodeplane.api.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force and request-rate limits ({@code nodeplane.auth.limits}).
 *
 * @param maxFailuresPerAccount failed attempts on one account (per route family) within the window before 429
 * @param maxFailuresPerIp      failed attempts from one client address, all public auth routes together
 * @param failureWindow         how long a failure counts (sliding window)
 * @param requestsPerMinute     requests per authenticated user per minute on the rest of the API; 0 = off
 * @param redisKeyPrefix        prefix of the counters' Redis keys (instances that share limits share it)
 */
@ConfigurationProperties("nodeplane.auth.limits")
public record LimitProperties(int maxFailuresPerAccount, int maxFailuresPerIp, Duration failureWindow,
                              int requestsPerMinute, String redisKeyPrefix) {

    public LimitProperties {
        maxFailuresPerAccount = maxFailuresPerAccount <= 0 ? 10 : maxFailuresPerAccount;
        maxFailuresPerIp = maxFailuresPerIp <= 0 ? 100 : maxFailuresPerIp;
        failureWindow = failureWindow == null || failureWindow.compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofMinutes(15) : failureWindow;
        requestsPerMinute = Math.max(0, requestsPerMinute);
        redisKeyPrefix = redisKeyPrefix == null || redisKeyPrefix.isBlank() ? "nodeplane:limits:" : redisKeyPrefix;
    }
}
