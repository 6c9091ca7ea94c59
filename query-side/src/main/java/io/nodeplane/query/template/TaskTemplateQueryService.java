package io.nodeplane.query.template;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Task templates of a workspace; every query is scoped by the workspace id. */
@Service
public class TaskTemplateQueryService {

    private static final String SELECT = "SELECT * FROM task_template_view WHERE workspace_id = :ws";

    private final TaskTemplateViewRepository templates;
    private final DatabaseClient db;

    TaskTemplateQueryService(TaskTemplateViewRepository templates, DatabaseClient db) {
        this.templates = templates;
        this.db = db;
    }

    /** Newest first; archived templates only with {@code includeArchived}. */
    public Flux<TaskTemplateView> templates(UUID workspaceId, boolean includeArchived, int limit, int offset) {
        String sql = SELECT + (includeArchived ? "" : " AND archived_at IS NULL")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
        return templates.query(sql, s -> s.bind("ws", workspaceId).bind("limit", limit).bind("offset", offset));
    }

    /** One template, archived or not; empty when it does not exist or lies outside {@code workspaceId}. */
    public Mono<TaskTemplateView> template(UUID workspaceId, UUID templateId) {
        return templates.query(SELECT + " AND id = :id", s -> s.bind("ws", workspaceId).bind("id", templateId)).next();
    }

    /** Whether any task was created from the template. */
    public Mono<Boolean> isReferenced(UUID templateId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM task_view WHERE template_id = :id) AS referenced")
                .bind("id", templateId).map((r, m) -> Boolean.TRUE.equals(r.get("referenced", Boolean.class))).one();
    }
}
