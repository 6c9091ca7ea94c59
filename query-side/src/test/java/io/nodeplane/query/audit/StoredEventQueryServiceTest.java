package io.nodeplane.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEventQueryServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static StoredEvent event(long index, Instant at) {
        return new StoredEvent(index, "e" + index, "User", "u", 0, at, "T", "1", "{}", "{}");
    }

    private static List<Long> indexes(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::globalIndex).toList();
    }

    @Test
    void handsOutContiguousEventsInOrder() {
        Instant young = NOW.minusSeconds(1);
        List<StoredEvent> events = List.of(event(4, young), event(5, young), event(6, young));
        assertThat(indexes(StoredEventQueryService.untilYoungGap(3, events, NOW))).containsExactly(4L, 5L, 6L);
    }

    @Test
    void stopsBeforeAYoungGapBecauseAnOpenTransactionMayStillFillIt() {
        Instant young = NOW.minusSeconds(1);
        List<StoredEvent> events = List.of(event(4, young), event(6, young), event(7, young));
        assertThat(indexes(StoredEventQueryService.untilYoungGap(3, events, NOW))).containsExactly(4L);
        assertThat(StoredEventQueryService.untilYoungGap(0, List.of(event(2, young)), NOW)).isEmpty();
    }

    @Test
    void stepsOverAGapOlderThanTheTimeoutAsARolledBackSequenceValue() {
        Instant old = NOW.minus(StoredEventQueryService.GAP_TIMEOUT).minus(Duration.ofSeconds(1));
        List<StoredEvent> events = List.of(event(4, old), event(9, old), event(10, NOW));
        assertThat(indexes(StoredEventQueryService.untilYoungGap(3, events, NOW))).containsExactly(4L, 9L, 10L);
    }
}
