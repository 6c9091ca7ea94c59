package io.nodeplane.events.task;

/**
 * Task statuses of contract §2.2. {@code CLAIMED} exists only in legacy flows; terminal statuses are
 * {@code SUCCESS}, {@code FAILED} and {@code CANCELLED}.
 */
public enum TaskStatus {
    QUEUED, ACCEPTED, CLAIMED, RUNNING, SUCCESS, FAILED, CANCELLED;

    /** The contract's spelling: {@code queued}, {@code accepted}, … */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean terminal() {
        return this == SUCCESS || this == FAILED || this == CANCELLED;
    }
}
