package io.nodeplane.command.node;

import java.util.Set;
import java.util.UUID;

/**
 * What other contexts' command handlers may know about a node, from its own event stream: where it
 * belongs, whether it takes work, and the root-access profile its agent has <em>applied</em>.
 */
public record NodeFacts(UUID nodeId, UUID workspaceId, String name, String hostname, UUID teamId, boolean maintenance,
                        String maintenanceReason, String appliedRootProfile) {

    private static final Set<String> OPERATIONAL = Set.of("operational", "operational_task", "operational_terminal", "all");
    private static final Set<String> TASK = Set.of("task", "operational_task", "task_terminal", "all");

    /** Whether the applied profile lets tasks run commands as root ({@code rootScope:"task"}). */
    public boolean allowsTaskRoot() {
        return TASK.contains(appliedRootProfile);
    }

    /** Whether the applied profile allows the operational root commands and package changes. */
    public boolean allowsOperationalRoot() {
        return OPERATIONAL.contains(appliedRootProfile);
    }
}
