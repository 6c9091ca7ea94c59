package io.nodeplane.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.node.NodeSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contract scenario 14: schedules evaluated in the workspace's zone, run once per slot by the runner. */
class ScheduleIT extends NodeSupport {

    private String path(Fleet f) {
        return "/api/v1/workspaces/" + f.workspace() + "/scheduled-tasks";
    }

    private Map<String, Object> create(Fleet f, Map<String, Object> body) {
        return map(post(f.owner().token(), path(f), body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody());
    }

    private Map<String, Object> hourly(Fleet f, int minute) {
        Map<String, Object> body = new HashMap<>(Map.of("nodeId", f.nodeId().toString(), "name", "rotate logs",
                "command", "logrotate -f /etc/logrotate.conf", "cadence", "hourly", "minute", minute));
        return create(f, body);
    }

    private List<Map<String, Object>> scheduledTasks(Fleet f, String scheduleId) {
        return list(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks?limit=100&nodeId=" + f.nodeId())
                .stream().filter(t -> scheduleId.equals(map(t.get("payload")).get("scheduleId"))).toList();
    }

    @Test
    void anHourlyScheduleRunsOnceWhenItsSlotPassesEvenAfterDowntime() {
        Fleet f = fleet("Hourly");
        Map<String, Object> s = hourly(f, 10);
        String id = (String) s.get("id");
        assertThat(s).containsEntry("enabled", true).containsEntry("ownerUserId", f.owner().id().toString())
                .containsEntry("timezone", "UTC").containsEntry("timezoneSource", "workspace").containsEntry("cadence", "hourly")
                .containsEntry("isLegacy", false).containsEntry("hour", null).containsEntry("lastRunAt", null);
        assertThat(s.get("ownerName")).isNotNull();
        Instant next = Instant.parse((String) s.get("nextRunAt"));
        assertThat(next.atZone(ZoneId.of("UTC")).getMinute()).isEqualTo(10);
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofMinutes(61)));

        clock.advance(Duration.between(Instant.now(), next).plus(Duration.ofHours(5))); // five slots missed
        Map<String, Object> ran = await().atMost(Duration.ofSeconds(20)).until(() -> map(http.get().uri(path(f) + "/" + id)
                .headers(h -> h.setBearerAuth(f.viewer().token())).exchange().returnResult(Map.class).getResponseBody()
                .blockFirst()), r -> r.get("lastRunAt") != null);
        assertThat(ran).containsEntry("lastRunAt", next.toString()).containsEntry("lastError", null);
        assertThat(Instant.parse((String) ran.get("nextRunAt"))).isAfter(clock.instant());
        List<Map<String, Object>> tasks = await().atMost(Duration.ofSeconds(15)).until(() -> scheduledTasks(f, id),
                t -> !t.isEmpty());
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("type", "shell.exec").containsEntry("id", ran.get("lastRunTaskId"));
            assertThat(map(t.get("payload"))).containsEntry("scheduleName", "rotate logs")
                    .containsEntry("command", "logrotate -f /etc/logrotate.conf");
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> eventTypes(f.viewer().token(), f.workspace(), null)
                .contains("task.schedule.triggered"));
        sleepThroughTicks();
        assertThat(scheduledTasks(f, id)).as("the missed slots ran once, not once each").hasSize(1);
    }

    @Test
    void aDisabledScheduleHasNoNextRunAndNeverRuns() {
        Fleet f = fleet("Disabled");
        String id = (String) hourly(f, 30).get("id");
        patch(f.owner().token(), path(f) + "/" + id, Map.of("enabled", false)).expectStatus().isOk().expectBody()
                .jsonPath("$.enabled").isEqualTo(false).jsonPath("$.nextRunAt").doesNotExist();
        clock.advance(Duration.ofHours(3));
        sleepThroughTicks();
        assertThat(scheduledTasks(f, id)).isEmpty();
        Map<?, ?> enabled = patch(f.owner().token(), path(f) + "/" + id, Map.of("enabled", true)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(Instant.parse((String) enabled.get("nextRunAt"))).isAfter(clock.instant());
        http.delete().uri(path(f) + "/" + id).headers(h -> h.setBearerAuth(f.owner().token())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.deleted").isEqualTo(true).jsonPath("$.id").isEqualTo(id);
        http.get().uri(path(f) + "/" + id).headers(h -> h.setBearerAuth(f.owner().token())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void cadenceFieldsFollowTheContractsRules() {
        Fleet f = fleet("Cadence");
        Map<String, Object> base = Map.of("nodeId", f.nodeId().toString(), "name", "n", "command", "true");
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("cadence", "daily", "minute", 5),
                Map.<String, Object>of("cadence", "weekly", "hour", 3), Map.<String, Object>of("cadence", "custom"),
                Map.<String, Object>of("cadence", "hourly", "minute", 60), Map.<String, Object>of("cadence", "yearly"))) {
            Map<String, Object> body = new HashMap<>(base);
            body.putAll(bad);
            post(f.owner().token(), path(f), body).expectStatus().isBadRequest();
        }
        Map<String, Object> custom = new HashMap<>(base);
        custom.putAll(Map.of("cadence", "custom", "intervalMinutes", 7, "hour", 4, "dayOfWeek", 2));
        assertThat(create(f, custom)).containsEntry("intervalMinutes", 7).containsEntry("hour", null)
                .containsEntry("dayOfWeek", null);
        Map<String, Object> daily = new HashMap<>(base);
        daily.putAll(Map.of("cadence", "daily", "hour", 3, "minute", 15));
        ZonedDateTime next = Instant.parse((String) create(f, daily).get("nextRunAt")).atZone(ZoneId.of("UTC"));
        assertThat(next.getHour()).isEqualTo(3);
        assertThat(next.getMinute()).isEqualTo(15);
    }

    @Test
    void changingTheWorkspaceTimeZoneReschedulesEverySchedule() {
        Fleet f = fleet("Zoned");
        Map<String, Object> body = new HashMap<>(Map.of("nodeId", f.nodeId().toString(), "name", "backup",
                "command", "backup.sh", "cadence", "daily", "hour", 3, "minute", 15));
        String id = (String) create(f, body).get("id");
        patch(adminToken(), "/api/v1/workspaces/" + f.workspace(), Map.of("defaultTimezone", "America/New_York"))
                .expectStatus().isOk();
        Map<String, Object> moved = await().atMost(Duration.ofSeconds(15)).until(() -> map(http.get().uri(path(f) + "/" + id)
                .headers(h -> h.setBearerAuth(f.owner().token())).exchange().returnResult(Map.class).getResponseBody()
                .blockFirst()), s -> "America/New_York".equals(s.get("timezone")));
        ZonedDateTime local = Instant.parse((String) moved.get("nextRunAt")).atZone(ZoneId.of("America/New_York"));
        assertThat(local.getHour()).isEqualTo(3);
        assertThat(local.getMinute()).isEqualTo(15);
        assertThat(Duration.between(Instant.now(), local.toInstant())).isLessThanOrEqualTo(Duration.ofHours(25));
    }

    @Test
    void onlyOwnersAndAdminsScheduleAndBatchesMakeOneSchedulePerNode() {
        Fleet f = fleet("Crew");
        Person member = person("member");
        addMember(adminToken(), f.workspace(), member.id(), "member");
        Map<String, Object> body = Map.of("nodeId", f.nodeId().toString(), "name", "x", "command", "true",
                "cadence", "minutely");
        post(member.token(), path(f), body).expectStatus().isForbidden();
        post(f.viewer().token(), path(f), body).expectStatus().isForbidden();
        Fleet other = fleet("Strangers");
        post(other.owner().token(), path(f), body).expectStatus().isNotFound();
        post(f.owner().token(), path(f), Map.of("nodeId", other.nodeId().toString(), "name", "x", "command", "true",
                "cadence", "minutely")).expectStatus().isNotFound();
        Agent second = register(host("crew-b"));
        List<?> legacy = post(adminToken(), "/api/v1/scheduled-tasks/batch", Map.of("nodeIds",
                List.of(f.nodeId().toString(), second.nodeId().toString()), "name", "sync", "command", "sync",
                "cadence", "minutely")).expectStatus().isCreated().expectBody(List.class).returnResult().getResponseBody();
        assertThat(legacy).hasSize(2);
        post(f.owner().token(), "/api/v1/scheduled-tasks/batch", Map.of("nodeIds", List.of(f.nodeId().toString()),
                "name", "sync", "command", "sync", "cadence", "minutely")).expectStatus().isForbidden();
        http.get().uri("/api/v1/scheduled-tasks").headers(h -> h.setBearerAuth(f.owner().token())).exchange()
                .expectStatus().isForbidden();
        assertThat(list(f.viewer().token(), path(f))).extracting(s -> s.get("name")).contains("sync");
    }

    @Test
    void aSlotThatCannotRunIsRecordedAndTheScheduleMovesOn() {
        Fleet f = fleet("Blocked");
        Map<String, Object> s = hourly(f, 45);
        String id = (String) s.get("id");
        post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/nodes/" + f.nodeId() + "/maintenance/enable",
                Map.of("reason", "disk swap")).expectStatus().isCreated();
        clock.advance(Duration.between(Instant.now(), Instant.parse((String) s.get("nextRunAt"))).plusSeconds(5));
        Map<String, Object> failed = await().atMost(Duration.ofSeconds(20)).until(() -> map(http.get()
                .uri(path(f) + "/" + id).headers(h -> h.setBearerAuth(f.owner().token())).exchange()
                .returnResult(Map.class).getResponseBody().blockFirst()), r -> r.get("lastError") != null);
        assertThat((String) failed.get("lastError")).contains("maintenance");
        assertThat(Instant.parse((String) failed.get("nextRunAt"))).isAfter(clock.instant().truncatedTo(ChronoUnit.MINUTES));
        assertThat(scheduledTasks(f, id)).isEmpty();
    }

    @Test
    void workspaceSearchFindsTasksAndSchedulesOfThisWorkspaceOnly() {
        Fleet f = fleet("Findable");
        Fleet other = fleet("Hidden");
        String marker = "marker" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> schedule = new HashMap<>(Map.of("nodeId", f.nodeId().toString(), "name", "nightly " + marker,
                "command", "true", "cadence", "minutely", "enabled", false));
        String scheduleId = (String) create(f, schedule).get("id");
        String taskId = (String) map(post(f.owner().token(), "/api/v1/workspaces/" + f.workspace() + "/tasks",
                Map.of("nodeId", f.nodeId().toString(), "type", "shell.exec", "payload", Map.of("command",
                        "echo " + marker))).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody()).get("id");
        post(other.owner().token(), "/api/v1/workspaces/" + other.workspace() + "/tasks", Map.of("nodeId",
                other.nodeId().toString(), "type", "shell.exec", "payload", Map.of("command", "echo " + marker)))
                .expectStatus().isCreated();
        Map<String, Object> found = await().atMost(Duration.ofSeconds(15)).until(() -> map(http.get()
                .uri("/api/v1/workspaces/" + f.workspace() + "/search?q=" + marker.toUpperCase())
                .headers(h -> h.setBearerAuth(f.viewer().token())).exchange().returnResult(Map.class).getResponseBody()
                .blockFirst()), r -> !((List<?>) r.get("tasks")).isEmpty());
        assertThat((List<?>) found.get("tasks")).extracting(t -> map(t).get("id")).containsExactly(taskId);
        assertThat((List<?>) found.get("scheduledTasks")).extracting(t -> map(t).get("id")).containsExactly(scheduleId);
    }

    private void sleepThroughTicks() {
        try {
            Thread.sleep(2_500); // the runner ticks every second: two more ticks must change nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
