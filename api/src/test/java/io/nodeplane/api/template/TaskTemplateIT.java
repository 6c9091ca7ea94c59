package io.nodeplane.api.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.node.NodeSupport;
import io.nodeplane.command.task.TaskCommands.CreateTasksCommand;
import io.nodeplane.command.task.TaskCommands.Target;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import io.nodeplane.events.task.TaskOrigin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Task templates over HTTP: CRUD, unique names, roles, archived workspaces, archive-instead-of-delete, audit. */
class TaskTemplateIT extends NodeSupport {

    @Test
    void createsListsReadsUpdatesAndDeletesTemplatesWithAuditEntries() {
        Fleet f = fleet("Templates");
        Map<String, Object> disk = body(create(f.owner().token(), f.workspace(), Map.of("name", "  Disk usage  ",
                "description", "df", "taskType", "shell.exec", "payloadTemplate", Map.of("command", "df -h")))
                .expectStatus().isCreated());
        assertThat(disk).containsEntry("name", "Disk usage").containsEntry("description", "df")
                .containsEntry("taskType", "shell.exec").containsEntry("workspaceId", f.workspace().toString())
                .containsEntry("createdByUserId", f.owner().id().toString())
                .containsEntry("updatedByUserId", f.owner().id().toString()).containsEntry("archivedAt", null)
                .containsKeys("id", "createdAt", "updatedAt");
        assertThat(map(disk.get("payloadTemplate"))).isEqualTo(Map.of("command", "df -h"));
        String diskId = (String) disk.get("id");
        Map<String, Object> packages = body(create(f.owner().token(), f.workspace(), Map.of("name", "Packages",
                "taskType", "packageList")).expectStatus().isCreated());
        assertThat(map(packages.get("payloadTemplate"))).isEmpty();
        assertThat(packages.get("description")).isNull();

        String path = templates(f.workspace());
        assertThat(list(f.viewer().token(), path)).extracting(t -> t.get("id")).containsExactly(packages.get("id"), diskId);
        assertThat(list(f.viewer().token(), path + "?limit=1&offset=1")).extracting(t -> t.get("id")).containsExactly(diskId);
        assertThat(list(f.viewer().token(), path + "?limit=0")).hasSize(1);
        assertThat(body(get(f.viewer().token(), path + "/" + diskId).expectStatus().isOk())).isEqualTo(disk);

        Map<String, Object> updated = body(patch(f.owner().token(), path + "/" + diskId, Map.of("description", "disk space"))
                .expectStatus().isOk());
        assertThat(updated).containsEntry("name", "Disk usage").containsEntry("description", "disk space");
        assertThat(map(updated.get("payloadTemplate"))).isEqualTo(Map.of("command", "df -h"));
        updated = body(patch(f.owner().token(), path + "/" + diskId, Map.of("name", "Disk", "taskType", "shell.exec",
                "payloadTemplate", Map.of("command", "df -h /", "runAsRoot", false))).expectStatus().isOk());
        assertThat(updated).containsEntry("name", "Disk").containsEntry("description", "disk space");
        assertThat(map(updated.get("payloadTemplate"))).isEqualTo(Map.of("command", "df -h /", "runAsRoot", false));
        assertThat(body(get(f.viewer().token(), path + "/" + diskId).expectStatus().isOk())).isEqualTo(updated);

        delete(f.owner().token(), path + "/" + diskId).expectStatus().isOk().expectBody(Map.class)
                .isEqualTo(Map.of("deleted", true, "id", diskId));
        get(f.viewer().token(), path + "/" + diskId).expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("TASK_TEMPLATE_NOT_FOUND");
        assertThat(list(f.viewer().token(), path + "?includeArchived=true")).extracting(t -> t.get("id"))
                .containsExactly(packages.get("id"));

        Map<String, Object> created = audit(f, "task-template.created", diskId);
        assertThat(created).containsEntry("targetType", "task_template").containsEntry("targetLabel", "Disk usage")
                .containsEntry("actorUserId", f.owner().id().toString()).containsEntry("ipAddress", "127.0.0.1");
        assertThat(map(map(created.get("changes")).get("after"))).containsEntry("taskType", "shell.exec")
                .containsEntry("payloadTemplate", Map.of("command", "df -h"));
        Map<String, Object> changes = map(audit(f, "task-template.updated", diskId).get("changes"));
        assertThat(map(changes.get("before"))).containsEntry("name", "Disk usage");
        assertThat(map(changes.get("after"))).containsEntry("name", "Disk");
        assertThat(audit(f, "task-template.deleted", diskId)).containsEntry("targetLabel", "Disk");
    }

    @Test
    void namesAreUniquePerWorkspaceIgnoringCaseAndFreeAgainAfterDelete() {
        Fleet f = fleet("Names");
        Fleet other = fleet("OtherNames");
        String path = templates(f.workspace());
        String backup = id(create(f.owner().token(), f.workspace(), template("Backup")).expectStatus().isCreated());
        String restore = id(create(f.owner().token(), f.workspace(), template("Restore")).expectStatus().isCreated());
        create(other.owner().token(), other.workspace(), template("BACKUP")).expectStatus().isCreated();
        settle(f);

        long events = storedEvents();
        create(f.owner().token(), f.workspace(), template("  backup ")).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("TASK_TEMPLATE_NAME_TAKEN");
        patch(f.owner().token(), path + "/" + restore, Map.of("name", "BACKUP")).expectStatus().isEqualTo(409);
        assertThat(storedEvents()).as("a taken name stores nothing").isEqualTo(events);

        assertThat(body(patch(f.owner().token(), path + "/" + backup, Map.of("name", "BACKUP")).expectStatus().isOk()))
                .containsEntry("name", "BACKUP");
        delete(f.owner().token(), path + "/" + backup).expectStatus().isOk();
        create(f.owner().token(), f.workspace(), template("backup")).expectStatus().isCreated();
        patch(f.owner().token(), path + "/" + restore, Map.of("name", "Restore all")).expectStatus().isOk();
        create(f.owner().token(), f.workspace(), template("restore")).expectStatus().isCreated();
    }

    @Test
    void rejectsUnknownTaskTypesFieldsAndBadValuesAndStoresNothing() {
        Fleet f = fleet("Invalid");
        String path = templates(f.workspace()) + "/" + id(create(f.owner().token(), f.workspace(), template("Valid"))
                .expectStatus().isCreated());
        settle(f);

        long events = storedEvents();
        create(f.owner().token(), f.workspace(), Map.of("name", "Format", "taskType", "format.disk"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("TASK_TYPE_INVALID");
        create(f.owner().token(), f.workspace(), Map.of("name", "Extra", "taskType", "packageList", "schedule", "daily"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_PROPERTY");
        create(f.owner().token(), f.workspace(), Map.of("name", "   ", "taskType", "packageList")).expectStatus().isBadRequest();
        create(f.owner().token(), f.workspace(), Map.of("name", "x".repeat(121), "taskType", "packageList"))
                .expectStatus().isBadRequest();
        create(f.owner().token(), f.workspace(), Map.of("name", "Long", "taskType", "packageList",
                "description", "d".repeat(2001))).expectStatus().isBadRequest();
        create(f.owner().token(), f.workspace(), Map.of("name", "Array", "taskType", "packageList",
                "payloadTemplate", List.of("x"))).expectStatus().isBadRequest();
        create(f.owner().token(), f.workspace(), Map.of("taskType", "packageList")).expectStatus().isBadRequest();
        patch(f.owner().token(), path, Map.of("taskType", "reboot")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("TASK_TYPE_INVALID");
        patch(f.owner().token(), path, Map.of("name", "   ")).expectStatus().isBadRequest();
        patch(f.owner().token(), path, Map.of("workspaceId", UUID.randomUUID().toString())).expectStatus().isBadRequest();
        assertThat(storedEvents()).as("rejected requests store nothing").isEqualTo(events);
        assertThat(list(f.viewer().token(), templates(f.workspace()))).extracting(t -> t.get("name"))
                .containsExactly("Valid");
    }

    @Test
    void onlyOwnersAndAdminsChangeTemplatesAndOtherWorkspacesSeeNothing() {
        Fleet f = fleet("Roles");
        Fleet other = fleet("Elsewhere");
        Person member = person("member");
        Person admin = person("admin");
        Person outsider = person("outsider");
        addMember(adminToken(), f.workspace(), member.id(), "member");
        addMember(adminToken(), f.workspace(), admin.id(), "admin");
        String path = templates(f.workspace());
        String mine = id(create(admin.token(), f.workspace(), template("Mine")).expectStatus().isCreated());
        String theirs = id(create(other.owner().token(), other.workspace(), template("Theirs")).expectStatus().isCreated());

        create(member.token(), f.workspace(), template("Member")).expectStatus().isForbidden();
        create(f.viewer().token(), f.workspace(), template("Viewer")).expectStatus().isForbidden();
        patch(member.token(), path + "/" + mine, Map.of("name", "Taken over")).expectStatus().isForbidden();
        delete(f.viewer().token(), path + "/" + mine).expectStatus().isForbidden();
        get(member.token(), path + "/" + mine).expectStatus().isOk();

        get(outsider.token(), path).expectStatus().isNotFound();
        get(outsider.token(), path + "/" + mine).expectStatus().isNotFound();
        create(outsider.token(), f.workspace(), template("Outsider")).expectStatus().isNotFound();
        get(other.owner().token(), path + "/" + mine).expectStatus().isNotFound();

        get(f.owner().token(), path + "/" + theirs).expectStatus().isNotFound();
        patch(f.owner().token(), path + "/" + theirs, Map.of("name", "Stolen")).expectStatus().isNotFound();
        delete(f.owner().token(), path + "/" + theirs).expectStatus().isNotFound();
        assertThat(body(get(other.owner().token(), templates(other.workspace()) + "/" + theirs).expectStatus().isOk()))
                .containsEntry("name", "Theirs");
        assertThat(list(f.owner().token(), path)).extracting(t -> t.get("name")).containsExactly("Mine");
    }

    @Test
    void anArchivedWorkspaceRefusesTemplateChanges() {
        Fleet f = fleet("Frozen");
        String path = templates(f.workspace()) + "/" + id(create(f.owner().token(), f.workspace(), template("Kept"))
                .expectStatus().isCreated());
        patch(adminToken(), "/api/v1/workspaces/" + f.workspace(), Map.of("isArchived", true)).expectStatus().isOk();
        create(f.owner().token(), f.workspace(), template("New")).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("WORKSPACE_ARCHIVED");
        patch(f.owner().token(), path, Map.of("name", "Renamed")).expectStatus().isEqualTo(409);
        delete(f.owner().token(), path).expectStatus().isEqualTo(409);
        assertThat(body(get(f.viewer().token(), path).expectStatus().isOk())).containsEntry("name", "Kept");
        patch(adminToken(), "/api/v1/workspaces/" + f.workspace(), Map.of("isArchived", false)).expectStatus().isOk();
        create(f.owner().token(), f.workspace(), template("New")).expectStatus().isCreated();
    }

    @Test
    void deletingATemplateThatTasksReferToArchivesItAndFreesItsName() {
        Fleet f = fleet("Referenced");
        String path = templates(f.workspace());
        String templateId = id(create(f.owner().token(), f.workspace(), template("Inventory")).expectStatus().isCreated());
        UUID taskId = UUID.randomUUID();
        commands.send(new CreateTasksCommand(f.workspace(), List.of(new Target(f.nodeId(), taskId)),
                new TaskSpec("packageList", Map.of(), null, new TaskOrigin(null, UUID.fromString(templateId), "Inventory",
                        null, null, false)), null, f.owner().id()), Actor.system("it-" + UUID.randomUUID()))
                .block(Duration.ofSeconds(30));
        String task = "/api/v1/workspaces/" + f.workspace() + "/tasks/" + taskId;
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get().uri(task).headers(h -> h.setBearerAuth(f.owner().token()))
                .exchange().returnResult(Map.class).getStatus().is2xxSuccessful());

        delete(f.owner().token(), path + "/" + templateId).expectStatus().isOk().expectBody(Map.class)
                .isEqualTo(Map.of("deleted", false, "archived", true, "id", templateId));
        Map<String, Object> archived = body(get(f.viewer().token(), path + "/" + templateId).expectStatus().isOk());
        assertThat(archived.get("archivedAt")).isNotNull();
        assertThat(list(f.viewer().token(), path)).isEmpty();
        assertThat(list(f.viewer().token(), path + "?includeArchived=true")).extracting(t -> t.get("id"))
                .containsExactly(templateId);
        patch(f.owner().token(), path + "/" + templateId, Map.of("description", "again")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("TASK_TEMPLATE_ARCHIVED");
        create(f.owner().token(), f.workspace(), template("inventory")).expectStatus().isCreated();
        delete(f.owner().token(), path + "/" + templateId).expectStatus().isOk().expectBody()
                .jsonPath("$.archived").isEqualTo(true);
        assertThat(audit(f, "task-template.archived", templateId)).containsEntry("targetLabel", "Inventory")
                .containsEntry("actorUserId", f.owner().id().toString());
        // a queued task would turn stale and append events while other tests count them
        post(f.owner().token(), task + "/cancel", Map.of()).expectStatus().isCreated();
    }

    private ResponseSpec create(String token, UUID workspace, Map<String, ?> body) {
        return post(token, templates(workspace), body);
    }

    private ResponseSpec get(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private ResponseSpec delete(String token, String path) {
        return http.delete().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** Waits until the fleet's node went offline, so no background transition lands in a count of stored events. */
    private void settle(Fleet f) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "offline".equals(node(f.owner().token(), f.workspace(), f.nodeId()).get("status")));
    }

    private Map<String, Object> audit(Fleet f, String action, String targetId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> list(f.owner().token(), "/api/v1/workspaces/"
                        + f.workspace() + "/audit-logs?action=" + action).stream()
                .filter(a -> targetId.equals(a.get("targetId"))).findFirst(), Optional::isPresent).get();
    }

    private static Map<String, Object> template(String name) {
        return Map.of("name", name, "taskType", "shell.exec", "payloadTemplate", Map.of("command", "uptime"));
    }

    private static String templates(UUID workspace) {
        return "/api/v1/workspaces/" + workspace + "/task-templates";
    }

    private static Map<String, Object> body(ResponseSpec response) {
        return map(response.expectBody(Map.class).returnResult().getResponseBody());
    }

    private static String id(ResponseSpec response) {
        return (String) body(response).get("id");
    }
}
