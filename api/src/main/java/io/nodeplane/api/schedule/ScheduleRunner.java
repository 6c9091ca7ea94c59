package io.nodeplane.api.schedule;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.jobs.ClusterLock;
import io.nodeplane.command.schedule.ScheduleCommands.TriggerScheduleCommand;
import io.nodeplane.query.node.NodeFilter;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.node.NodeView;
import io.nodeplane.query.schedule.DueSchedule;
import io.nodeplane.query.schedule.ScheduleQueryService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every second (contract §1.8 runner tick), on one instance at a time, asks each due schedule to run
 * its slot. The schedule itself decides: a slot it has already run changes nothing, so a slot runs
 * exactly once even if two runners ask.
 */
@Component
class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    private static final long LOCK = 0x7363686564756c65L; // "schedule"
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ClusterLock locks;
    private final ScheduleQueryService schedules;
    private final NodeQueryService nodes;
    private final Commands commands;
    private final Clock clock;

    ScheduleRunner(ClusterLock locks, ScheduleQueryService schedules, NodeQueryService nodes, Commands commands,
                   Clock clock) {
        this.locks = locks;
        this.schedules = schedules;
        this.nodes = nodes;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${nodeplane.schedules.tick-millis:1000}",
            fixedDelayString = "${nodeplane.schedules.tick-millis:1000}")
    void tick() {
        locks.run(LOCK, () -> {
            List<DueSchedule> due = schedules.due(clock.instant(), 200).collectList().block(TIMEOUT);
            for (DueSchedule schedule : due == null ? List.<DueSchedule>of() : due) {
                try {
                    commands.send(new TriggerScheduleCommand(schedule.id(), schedule.slot(), teamNodes(schedule)),
                            Actor.system("schedule-runner")).block(TIMEOUT);
                } catch (RuntimeException e) {
                    log.warn("Schedule {} could not run its slot {}: {}", schedule.id(), schedule.slot(), e.toString());
                }
            }
        });
    }

    private List<UUID> teamNodes(DueSchedule schedule) {
        if (schedule.teamId() == null) {
            return List.of();
        }
        List<UUID> ids = nodes.nodes(schedule.workspaceId(), new NodeFilter(null, schedule.teamId(), null, 10_000, 0))
                .map(NodeView::id).collectList().block(TIMEOUT);
        return ids == null ? List.of() : ids;
    }
}
