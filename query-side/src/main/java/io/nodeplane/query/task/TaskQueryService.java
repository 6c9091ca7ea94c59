package io.nodeplane.query.task;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactive queries over tasks. {@code workspaceId == null} means every workspace (platform admin routes). */
@Service
public class TaskQueryService {

    private final TaskViewRepository tasks;
    private final DatabaseClient db;

    TaskQueryService(TaskViewRepository tasks, DatabaseClient db) {
        this.tasks = tasks;
        this.db = db;
    }

    public Flux<TaskView> tasks(UUID workspaceId, TaskFilter f) {
        StringBuilder sql = new StringBuilder(TaskViewRepository.SELECT).append(" WHERE true");
        if (workspaceId != null) {
            sql.append(" AND t.workspace_id = :ws");
        }
        if (f.nodeId() != null) {
            sql.append(" AND t.node_id = :node");
        }
        if (f.status() != null) {
            sql.append(" AND t.status = :status");
        }
        if (f.type() != null) {
            sql.append(" AND t.type = :type");
        }
        if (f.teamId() != null) {
            sql.append(" AND t.target_team_id = :team");
        }
        if (f.from() != null) {
            sql.append(" AND t.created_at >= :from");
        }
        if (f.to() != null) {
            sql.append(" AND t.created_at <= :to");
        }
        if (!f.includeInternal()) {
            sql.append(" AND NOT t.is_internal");
        }
        sql.append(" ORDER BY t.created_at DESC, t.id DESC LIMIT :limit OFFSET :offset");
        return tasks.query(sql.toString(), spec -> {
            GenericExecuteSpec s = spec.bind("limit", f.limit()).bind("offset", f.offset());
            s = workspaceId == null ? s : s.bind("ws", workspaceId);
            s = f.nodeId() == null ? s : s.bind("node", f.nodeId());
            s = f.status() == null ? s : s.bind("status", f.status());
            s = f.type() == null ? s : s.bind("type", f.type());
            s = f.teamId() == null ? s : s.bind("team", f.teamId());
            s = f.from() == null ? s : s.bind("from", f.from());
            return f.to() == null ? s : s.bind("to", f.to());
        });
    }

    /** One task; empty when it does not exist or lies outside {@code workspaceId}. */
    public Mono<TaskView> task(UUID workspaceId, UUID taskId) {
        String sql = TaskViewRepository.SELECT + " WHERE t.id = :id" + (workspaceId == null ? "" : " AND t.workspace_id = :ws");
        return tasks.query(sql, s -> workspaceId == null ? s.bind("id", taskId) : s.bind("id", taskId).bind("ws", workspaceId))
                .next();
    }

    /** The tasks with these ids, in any workspace (for announcing changes). */
    public Flux<TaskView> byIds(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? Flux.empty() : tasks.query(TaskViewRepository.SELECT + " WHERE t.id = ANY(:ids)",
                s -> s.bind("ids", ids.toArray(UUID[]::new)));
    }

    /** The node's claim state and up to {@code limit} claimable tasks; empty when the node does not exist. */
    public Mono<ClaimLookup> claimLookup(UUID nodeId, Instant now, int limit) {
        return db.sql("""
                SELECT n.maintenance_mode, n.root_access_profile, n.root_access_updated_at,
                       ARRAY(SELECT c.id::text FROM (
                           (SELECT t.id, t.created_at FROM task_view t
                            WHERE t.node_id = n.id AND t.status = 'queued' AND t.cancel_requested_at IS NULL
                            ORDER BY t.created_at LIMIT :limit)
                           UNION ALL
                           (SELECT t.id, t.created_at FROM task_view t
                            WHERE t.node_id = n.id AND t.status IN ('accepted', 'claimed') AND t.lease_until <= :now
                              AND t.cancel_requested_at IS NULL
                            ORDER BY t.lease_until LIMIT :limit)) c
                         ORDER BY c.created_at, c.id LIMIT :limit) AS candidates
                FROM node_view n WHERE n.id = :node""")
                .bind("node", nodeId).bind("now", now).bind("limit", limit)
                .map((r, m) -> new ClaimLookup(Boolean.TRUE.equals(r.get("maintenance_mode", Boolean.class)),
                        r.get("root_access_profile", String.class),
                        io.nodeplane.query.support.Rows.instant(r, "root_access_updated_at"),
                        Arrays.stream(r.get("candidates", String[].class)).map(UUID::fromString).toList()))
                .one();
    }

    /** Operator tasks of the workspace whose type or command contains {@code contains} (a LIKE pattern), newest first. */
    public Flux<TaskView> search(UUID workspaceId, String contains, int limit) {
        return tasks.query(TaskViewRepository.SELECT + " " + """
                 WHERE t.workspace_id = :ws AND NOT t.is_internal
                   AND (lower(t.type) LIKE :q OR lower(t.payload ->> 'command') LIKE :q)
                 ORDER BY t.created_at DESC, t.id LIMIT :limit""",
                s -> s.bind("ws", workspaceId).bind("q", contains).bind("limit", limit));
    }

    /** Claimed tasks whose lease ended by {@code now}. */
    public Flux<UUID> expiredLeases(Instant now, int limit) {
        return ids("SELECT id FROM task_view WHERE status IN ('accepted', 'claimed') AND lease_until <= :t "
                + "ORDER BY lease_until LIMIT :limit", now, limit);
    }

    /** Tasks queued since before {@code cutoff} on nodes not in maintenance. */
    public Flux<UUID> queuedSince(Instant cutoff, int limit) {
        return ids("""
                SELECT t.id FROM task_view t JOIN node_view n ON n.id = t.node_id
                WHERE t.status = 'queued' AND t.created_at <= :t AND NOT n.maintenance_mode
                ORDER BY t.created_at LIMIT :limit""", cutoff, limit);
    }

    /** Tasks running since before {@code cutoff}. */
    public Flux<UUID> runningSince(Instant cutoff, int limit) {
        return ids("SELECT id FROM task_view WHERE status = 'running' AND running_since <= :t ORDER BY running_since "
                + "LIMIT :limit",
                cutoff, limit);
    }

    /** How many tasks are queued and running, platform-wide. */
    public Mono<List<Long>> queueSizes() {
        return db.sql("SELECT count(*) FILTER (WHERE status = 'queued') AS q, count(*) FILTER (WHERE status = 'running') AS r "
                        + "FROM task_view WHERE status IN ('queued', 'running')")
                .map((r, m) -> List.of(r.get("q", Long.class), r.get("r", Long.class))).one();
    }

    private Flux<UUID> ids(String sql, Instant t, int limit) {
        return db.sql(sql).bind("t", t).bind("limit", limit).map((r, m) -> r.get("id", UUID.class)).all();
    }
}
