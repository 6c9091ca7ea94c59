package io.nodeplane.api.workspace;

import java.util.Set;

/**
 * What a workspace role may do — the permission matrix, in one place. Platform admins may do
 * everything in every workspace; a non-member sees 404, a member without the permission 403.
 *
 * <pre>
 * role     READ  OPERATE_TASKS  MUTATE  MANAGE  DELETE
 * viewer    x
 * member    x         x
 * admin     x         x           x       x       x
 * owner     x         x           x       x       x
 * </pre>
 */
public enum WorkspacePermission {
    /** See the workspace and everything in it. */
    READ,
    /** Create and cancel tasks. */
    OPERATE_TASKS,
    /** Change nodes, tasks, schedules and teams. */
    MUTATE,
    /** Manage members and settings, read the workspace audit log. */
    MANAGE,
    /** Delete the workspace. */
    DELETE;

    private static final Set<WorkspacePermission> VIEWER = Set.of(READ);
    private static final Set<WorkspacePermission> MEMBER = Set.of(READ, OPERATE_TASKS);
    private static final Set<WorkspacePermission> ALL = Set.of(values());

    /** Whether a member with {@code role} ({@code owner|admin|member|viewer}) has this permission. */
    public boolean grantedTo(String role) {
        if (role == null) {
            return false;
        }
        return switch (role) {
            case "owner", "admin" -> ALL.contains(this);
            case "member" -> MEMBER.contains(this);
            case "viewer" -> VIEWER.contains(this);
            default -> false;
        };
    }
}
