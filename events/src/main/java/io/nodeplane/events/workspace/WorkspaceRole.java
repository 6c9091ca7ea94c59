package io.nodeplane.events.workspace;

/** Role of a member inside one workspace. */
public enum WorkspaceRole {
    OWNER,
    ADMIN,
    MEMBER,
    VIEWER
}
