package io.nodeplane.events.node;

/** How a node came to exist. */
public enum NodeRegistrationSource {
    /** Approved two-step enrollment. */
    ENROLLMENT,
    /** Consumed one-click install token. */
    NODE_INSTALL,
    /** Deprecated {@code POST /agent/register} with the shared enrollment token. */
    LEGACY_REGISTER
}
