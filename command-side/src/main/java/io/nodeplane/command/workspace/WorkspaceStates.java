package io.nodeplane.command.workspace;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code workspace_state}: whether a workspace accepts changes. Written by the workspace command
 * handler in the transaction of the workspace's events, read by commands of other contexts.
 */
@Component
class WorkspaceStates {

    private final JdbcTemplate jdbc;

    WorkspaceStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void put(UUID workspaceId, boolean archived) {
        jdbc.update("INSERT INTO workspace_state (workspace_id, archived) VALUES (?, ?) "
                + "ON CONFLICT (workspace_id) DO UPDATE SET archived = EXCLUDED.archived", workspaceId, archived);
    }

    void remove(UUID workspaceId) {
        jdbc.update("DELETE FROM workspace_state WHERE workspace_id = ?", workspaceId);
    }

    /** {@code null} when the workspace does not exist. */
    Boolean archived(UUID workspaceId) {
        List<Boolean> rows = jdbc.queryForList("SELECT archived FROM workspace_state WHERE workspace_id = ?",
                Boolean.class, workspaceId);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
