package io.nodeplane.command.schedule;

import io.nodeplane.command.schedule.ScheduleCommands.RescheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.TriggerScheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.UpdateScheduleCommand;
import io.nodeplane.events.schedule.ScheduleCreatedEvent;
import io.nodeplane.events.schedule.ScheduleDefinition;
import io.nodeplane.events.schedule.ScheduleDisabledEvent;
import io.nodeplane.events.schedule.ScheduleEnabledEvent;
import io.nodeplane.events.schedule.ScheduleRescheduledEvent;
import io.nodeplane.events.schedule.ScheduleTriggeredEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A schedule runs exactly its current slot, once; the next slot never lies in the past. */
class ScheduleTest {

    private static final Instant SLOT = Instant.parse("2026-11-23T10:10:00Z");
    private final UUID id = UUID.randomUUID();
    private final UUID workspace = UUID.randomUUID();
    private final UUID node = UUID.randomUUID();
    private final UUID task = UUID.randomUUID();
    private final ScheduleDefinition hourly = new ScheduleDefinition("rotate", "logrotate", false, "hourly", 10, null,
            null, null);
    private FixtureConfiguration<Schedule> fixture;
    private Instant now;

    /** Maps commands to the aggregate's decisions with the test's clock (tasks are the handler's business). */
    final class Decisions {
        private final Repository<Schedule> schedules;

        Decisions(Repository<Schedule> schedules) {
            this.schedules = schedules;
        }

        @CommandHandler
        boolean handle(TriggerScheduleCommand c) {
            var schedule = schedules.load(c.scheduleId().toString());
            if (!schedule.invoke(s -> s.due(c.slot(), now))) {
                return false;
            }
            schedule.execute(s -> s.triggered(c.slot(), List.of(task), now));
            return true;
        }

        @CommandHandler
        void handle(UpdateScheduleCommand c) {
            var schedule = schedules.load(c.scheduleId().toString());
            if (Boolean.FALSE.equals(c.enabled())) {
                schedule.execute(Schedule::disable);
            } else if (Boolean.TRUE.equals(c.enabled())) {
                schedule.execute(s -> s.enable(now));
            }
        }

        @CommandHandler
        void handle(RescheduleCommand c) {
            schedules.load(c.scheduleId().toString()).execute(s -> s.reschedule("America/New_York", now));
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Schedule.class);
        fixture.registerAnnotatedCommandHandler(new Decisions(fixture.getRepository()));
    }

    private ScheduleCreatedEvent created() {
        return new ScheduleCreatedEvent(id, workspace, node, null, UUID.randomUUID(), hourly, "UTC", SLOT);
    }

    @Test
    void runsItsPassedSlotOnceAndSkipsSlotsMissedMeanwhile() {
        now = SLOT.plusSeconds(5 * 3600 + 60); // down for five hours
        fixture.given(created())
                .when(new TriggerScheduleCommand(id, SLOT, List.of()))
                .expectEvents(new ScheduleTriggeredEvent(id, workspace, "rotate", SLOT, List.of(task),
                        Instant.parse("2026-11-23T16:10:00Z")))
                .expectResultMessagePayload(true);
        fixture.given(created(), new ScheduleTriggeredEvent(id, workspace, "rotate", SLOT, List.of(task),
                        Instant.parse("2026-11-23T16:10:00Z")))
                .when(new TriggerScheduleCommand(id, SLOT, List.of()))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aSlotStillAheadOrAnotherSlotChangesNothing() {
        now = SLOT.minusSeconds(1);
        fixture.given(created()).when(new TriggerScheduleCommand(id, SLOT, List.of())).expectNoEvents()
                .expectResultMessagePayload(false);
        now = SLOT.plusSeconds(1);
        fixture.given(created()).when(new TriggerScheduleCommand(id, SLOT.minusSeconds(3600), List.of()))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void aDisabledScheduleNeverRunsAndEnablingPicksTheNextSlotFromNow() {
        now = SLOT.plusSeconds(60);
        fixture.given(created()).when(new UpdateScheduleCommand(id, workspace, null, null, null, null, null, null, null,
                null, false)).expectEvents(new ScheduleDisabledEvent(id, workspace, "rotate"));
        fixture.given(created(), new ScheduleDisabledEvent(id, workspace, "rotate"))
                .when(new TriggerScheduleCommand(id, SLOT, List.of())).expectNoEvents();
        fixture.given(created(), new ScheduleDisabledEvent(id, workspace, "rotate"))
                .when(new UpdateScheduleCommand(id, workspace, null, null, null, null, null, null, null, null, true))
                .expectEvents(new ScheduleEnabledEvent(id, workspace, "rotate", Instant.parse("2026-11-23T11:10:00Z")));
    }

    @Test
    void aNewTimeZoneMovesTheNextSlotToLocalTime() {
        now = SLOT.minusSeconds(60);
        ScheduleDefinition daily = new ScheduleDefinition("backup", "backup.sh", false, "daily", 15, 3, null, null);
        fixture.given(new ScheduleCreatedEvent(id, workspace, node, null, null, daily, "UTC",
                        Instant.parse("2026-11-24T03:15:00Z")))
                .when(new RescheduleCommand(id))
                .expectEvents(new ScheduleRescheduledEvent(id, workspace, "America/New_York",
                        Instant.parse("2026-11-24T08:15:00Z")));
    }
}
