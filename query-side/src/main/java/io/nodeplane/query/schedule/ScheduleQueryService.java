package io.nodeplane.query.schedule;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactive queries over scheduled tasks. {@code workspaceId == null} means every workspace. */
@Service
public class ScheduleQueryService {

    private final ScheduleViewRepository schedules;

    ScheduleQueryService(ScheduleViewRepository schedules) {
        this.schedules = schedules;
    }

    public Flux<ScheduleView> schedules(UUID workspaceId, int limit, int offset) {
        return schedules.find(workspaceId, null, limit, offset);
    }

    /** One schedule; empty when it does not exist or lies outside {@code workspaceId}. */
    public Mono<ScheduleView> schedule(UUID workspaceId, UUID id) {
        return schedules.find(workspaceId, id, 1, 0).next();
    }

    /** Schedules of the workspace whose name or command contains {@code contains} (a LIKE pattern). */
    public Flux<ScheduleView> search(UUID workspaceId, String contains, int limit) {
        return schedules.search(workspaceId, contains, limit);
    }

    /** Enabled schedules whose next slot is at or before {@code now}, oldest slot first. */
    public Flux<DueSchedule> due(Instant now, int limit) {
        return schedules.due(now, limit);
    }
}
