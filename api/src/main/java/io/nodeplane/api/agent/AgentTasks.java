package io.nodeplane.api.agent;

import io.nodeplane.api.agent.AgentTaskRequests.CompleteRequest;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.task.TaskResponse;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.task.TaskCommands.AcknowledgeTaskCommand;
import io.nodeplane.command.task.TaskCommands.CompleteTaskCommand;
import io.nodeplane.command.task.TaskCommands.StartTaskCommand;
import io.nodeplane.command.task.TaskSnapshot;
import io.nodeplane.events.task.TaskStatus;
import io.nodeplane.query.task.TaskLog;
import io.nodeplane.query.task.TaskLogStore;
import io.nodeplane.query.task.TaskQueryService;
import io.nodeplane.query.task.TaskView;
import io.nodeplane.query.telemetry.BatchWriter;
import io.nodeplane.query.telemetry.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The agent's task lifecycle after the claim (contract §1.6). Transitions are commands the task
 * decides (repeats are no-ops with the same answer); output lines are telemetry, group-committed.
 */
@Service
class AgentTasks {

    private final Commands commands;
    private final TaskQueryService tasks;
    private final BatchWriter<TaskLog> logWriter;
    private final Clock clock;

    AgentTasks(Commands commands, TaskQueryService tasks, TaskLogStore logs, Clock clock) {
        this.commands = commands;
        this.tasks = tasks;
        this.clock = clock;
        this.logWriter = new BatchWriter<>("task-log", logs::insert, 1000, 100_000, 2);
    }

    Mono<Object> accepted(AgentIdentity agent, UUID taskId) {
        return commands.<TaskStatus>send(new AcknowledgeTaskCommand(taskId, agent.nodeId()), actor(agent))
                .map(status -> Map.of("ok", true, "duplicate", true, "taskId", taskId));
    }

    Mono<TaskResponse> started(AgentIdentity agent, UUID taskId, Instant timestamp) {
        return commands.<TaskSnapshot>send(new StartTaskCommand(taskId, agent.nodeId(), timestamp), actor(agent))
                .flatMap(this::projected);
    }

    Mono<TaskResponse> completed(AgentIdentity agent, UUID taskId, CompleteRequest r) {
        return commands.<TaskSnapshot>send(new CompleteTaskCommand(taskId, agent.nodeId(), r.status(), r.result(),
                        r.output(), r.exitCode(), r.error(), r.timestamp(), r.durationMs()), actor(agent))
                .flatMap(this::projected);
    }

    Mono<TaskLog> log(AgentIdentity agent, UUID taskId, String stream, String line, Instant timestamp) {
        return own(agent, taskId).flatMap(task -> {
            if (!task.status().equals("running")) {
                return Mono.error(new ApiException(HttpStatus.CONFLICT, "TASK_NOT_RUNNING",
                        "Task " + taskId + " is in " + task.status() + " state and cannot accept logs"));
            }
            Instant now = clock.instant();
            TaskLog entry = new TaskLog(TimeOrderedIds.next(), taskId, level(stream), line,
                    timestamp == null ? now : timestamp, now);
            return logWriter.submit(entry).thenReturn(entry);
        });
    }

    record Control(UUID taskId, String status, boolean cancelRequested, Instant cancelRequestedAt, String cancelReason) {
    }

    Mono<Control> control(AgentIdentity agent, UUID taskId) {
        return own(agent, taskId).map(t -> new Control(taskId, t.status(),
                t.status().equals("running") && t.cancelRequestedAt() != null, t.cancelRequestedAt(), t.cancelReason()));
    }

    private Mono<TaskView> own(AgentIdentity agent, UUID taskId) {
        return tasks.task(null, taskId).filter(t -> t.nodeId().equals(agent.nodeId()))
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "TASK_NOT_FOUND",
                        "Task " + taskId + " was not found for node " + agent.nodeId())));
    }

    /** The answer once the read model shows the transition, so the agent's next call sees it too. */
    private Mono<TaskResponse> projected(TaskSnapshot done) {
        String status = done.status().wire();
        return ReadYourWrites.await(() -> tasks.task(null, done.id()), t -> t.status().equals(status))
                .map(TaskResponse::of).defaultIfEmpty(TaskResponse.of(done));
    }

    static String level(String stream) {
        return stream.equals("stdout") || stream.equals("stderr") ? stream : "info";
    }

    static Actor actor(AgentIdentity agent) {
        return Actor.system("agent-" + agent.nodeId());
    }
}
