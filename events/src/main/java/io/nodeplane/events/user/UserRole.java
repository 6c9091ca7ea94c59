package io.nodeplane.events.user;

/** Platform-wide role of a user; workspace roles are separate. */
public enum UserRole {
    /** May administer the whole platform and act in every workspace. */
    PLATFORM_ADMIN,
    /** A regular operator whose rights come from workspace memberships. */
    USER
}
