package io.nodeplane.query.search;

import io.nodeplane.query.event.OperationalEvent;
import io.nodeplane.query.event.OperationalEventQueryService;
import io.nodeplane.query.node.NodeFilter;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.node.NodeView;
import io.nodeplane.query.schedule.ScheduleQueryService;
import io.nodeplane.query.schedule.ScheduleView;
import io.nodeplane.query.task.TaskQueryService;
import io.nodeplane.query.task.TaskView;
import io.nodeplane.query.support.Like;
import io.nodeplane.query.team.TeamView;
import io.nodeplane.query.team.TeamViewRepository;
import io.nodeplane.query.workspace.WorkspaceMember;
import io.nodeplane.query.workspace.WorkspaceMembershipViewRepository;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Unified search inside one workspace: case-insensitive prefix matches, ranked first, and substring
 * matches, each group limited. Substring matches start at {@link #SUBSTRING_MIN} characters, what a
 * trigram index can answer: a shorter term would read every row of a large workspace to find matches
 * that are mostly noise, so it matches prefixes (from indexes) only. Every query is bound to the workspace id, so nothing of another
 * workspace can match. Nodes match by name or hostname, tasks by type or command, schedules by name
 * or command, events by message.
 */
@Service
public class WorkspaceSearchService {

    public static final int SUBSTRING_MIN = 3;

    /** Matches per group. */
    public record Result(List<NodeView> nodes, List<TaskView> tasks, List<ScheduleView> scheduledTasks,
                         List<OperationalEvent> events, List<WorkspaceMember> members, List<TeamView> teams) {
    }

    private final DatabaseClient db;
    private final NodeQueryService nodes;
    private final OperationalEventQueryService events;
    private final TaskQueryService tasks;
    private final ScheduleQueryService schedules;

    WorkspaceSearchService(DatabaseClient db, NodeQueryService nodes, OperationalEventQueryService events,
                           TaskQueryService tasks, ScheduleQueryService schedules) {
        this.db = db;
        this.nodes = nodes;
        this.events = events;
        this.tasks = tasks;
        this.schedules = schedules;
    }

    /** {@code limit} is clamped to 1..50. */
    public Mono<Result> search(UUID workspaceId, String query, int limit) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        boolean substrings = q.codePointCount(0, q.length()) >= SUBSTRING_MIN;
        String prefix = Like.escape(q) + "%";
        String contains = substrings ? Like.contains(q) : prefix;
        int bounded = Math.max(1, Math.min(50, limit));
        // Each branch is cheap on its own: prefix matches walk a "C"-collated index in name order and
        // stop at the limit; substring matches come from the trigram indexes on np_fold (see its migration)
        // and stop at the limit without sorting everything matched.
        DatabaseClient.GenericExecuteSpec memberSql = db.sql("""
                SELECT * FROM (
                  SELECT DISTINCT ON (x.id) x.* FROM (
                    (SELECT m.*, u.name AS user_name, u.email AS user_email, u.is_active AS user_is_active, 0 AS rank
                     FROM user_view u JOIN workspace_membership_view m ON m.user_id = u.id AND m.workspace_id = :ws
                     WHERE lower(u.name) COLLATE "C" LIKE :prefix ORDER BY lower(u.name) COLLATE "C" LIMIT :limit)
                    UNION ALL
                    (SELECT m.*, u.name, u.email, u.is_active, 0
                     FROM user_view u JOIN workspace_membership_view m ON m.user_id = u.id AND m.workspace_id = :ws
                     WHERE u.email_normalized COLLATE "C" LIKE :prefix ORDER BY u.email_normalized COLLATE "C" LIMIT :limit)
                    %s
                  ) x ORDER BY x.id, x.rank
                ) d ORDER BY d.rank, lower(d.user_name) COLLATE "C", d.id LIMIT :limit""".formatted(!substrings ? "" : """
                    UNION ALL
                    (SELECT m.*, u.name, u.email, u.is_active, 1
                     FROM user_view u JOIN workspace_membership_view m ON m.user_id = u.id AND m.workspace_id = :ws
                     WHERE (np_fold(u.name) LIKE :contains OR np_fold(u.email_normalized) LIKE :contains)
                       AND NOT (lower(u.name) LIKE :prefix OR u.email_normalized LIKE :prefix) LIMIT :limit)"""))
                .bind("ws", workspaceId).bind("prefix", prefix).bind("limit", bounded);
        Mono<List<WorkspaceMember>> members = (substrings ? memberSql.bind("contains", contains) : memberSql)
                .map(WorkspaceMembershipViewRepository::map).all().collectList();
        DatabaseClient.GenericExecuteSpec teamSql = db.sql("""
                SELECT t.*, (SELECT count(*) FROM team_membership_view tm WHERE tm.team_id = t.id) AS member_count
                FROM (
                  SELECT * FROM (
                    (SELECT tv.*, 0 AS rank FROM team_view tv
                     WHERE tv.workspace_id = :ws AND lower(tv.name) COLLATE "C" LIKE :prefix
                     ORDER BY lower(tv.name) COLLATE "C" LIMIT :limit)
                    %s
                  ) u ORDER BY u.rank, lower(u.name) COLLATE "C", u.id LIMIT :limit
                ) t ORDER BY t.rank, lower(t.name) COLLATE "C", t.id""".formatted(!substrings ? "" : """
                    UNION ALL
                    (SELECT tv.*, 1 FROM team_view tv
                     WHERE tv.workspace_id = :ws AND np_fold(tv.name) LIKE :contains AND lower(tv.name) NOT LIKE :prefix
                     LIMIT :limit)"""))
                .bind("ws", workspaceId).bind("prefix", prefix).bind("limit", bounded);
        Mono<List<TeamView>> teams = (substrings ? teamSql.bind("contains", contains) : teamSql)
                .map(TeamViewRepository::map).all().collectList();
        Mono<List<NodeView>> nodeMatches = nodes.nodes(workspaceId, new NodeFilter(null, null, q, bounded, 0)).collectList();
        Mono<List<OperationalEvent>> eventMatches = events.search(workspaceId, contains, bounded).collectList();
        Mono<List<TaskView>> taskMatches = tasks.search(workspaceId, contains, bounded).collectList();
        Mono<List<ScheduleView>> scheduleMatches = schedules.search(workspaceId, contains, bounded).collectList();
        return Mono.zip(nodeMatches, taskMatches, scheduleMatches, eventMatches, members, teams)
                .map(t -> new Result(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6()));
    }
}
