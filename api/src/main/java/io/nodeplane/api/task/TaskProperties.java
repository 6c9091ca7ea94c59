package io.nodeplane.api.task;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Task timings (contract §1.8).
 *
 * @param claimLeaseSeconds         {@code AGENT_TASK_CLAIM_LEASE_SECONDS}: how long a claim holds a task before
 *                                  it must be started (min 15)
 * @param staleCheckIntervalSeconds how often leases and stale tasks are checked
 * @param queuedTimeoutSeconds      a task queued this long on a node not in maintenance fails
 * @param runningTimeoutSeconds     a task running this long fails
 */
@ConfigurationProperties("nodeplane.tasks")
public record TaskProperties(int claimLeaseSeconds, int staleCheckIntervalSeconds, int queuedTimeoutSeconds,
                             int runningTimeoutSeconds) {

    public TaskProperties {
        claimLeaseSeconds = Math.max(15, claimLeaseSeconds);
    }
}
