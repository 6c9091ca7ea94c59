package io.nodeplane.query.audit;

import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the event store in global order, for auditors and replay.
 *
 * <p>Global indexes come from a sequence, so a transaction that is still in flight can commit an
 * index lower than one already visible. Reading past such a hole would skip that event forever, so
 * a read stops before a hole younger than {@link #GAP_TIMEOUT}; older holes are sequence values of
 * rolled-back transactions and are stepped over.
 */
@Service
public class StoredEventQueryService {

    static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SAFETY_RECHECK = Duration.ofSeconds(5);
    private static final int PAGE = 500;

    private final DatabaseClient db;
    private final EventAppendedSignal signal;
    private final Clock clock;

    StoredEventQueryService(DatabaseClient db, EventAppendedSignal signal) {
        this.db = db;
        this.signal = signal;
        this.clock = Clock.systemUTC();
    }

    /** Up to {@code limit} (1..1000) events after {@code afterIndex}, in global order. */
    public Flux<StoredEvent> after(long afterIndex, int limit) {
        int bounded = Math.max(1, Math.min(1000, limit));
        return db.sql("""
                SELECT global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,
                       payload_type, payload_revision, payload, meta_data
                FROM domain_event_entry WHERE global_index > :after ORDER BY global_index LIMIT :limit""")
                .bind("after", afterIndex).bind("limit", bounded)
                .map(StoredEventQueryService::map).all()
                .collectList()
                .flatMapIterable(events -> untilYoungGap(afterIndex, events, clock.instant()));
    }

    /** Events after {@code afterIndex}, then every new one as it is committed; never completes. */
    public Flux<StoredEvent> follow(long afterIndex) {
        return Flux.defer(() -> {
            AtomicLong cursor = new AtomicLong(afterIndex);
            // woken by the database's commit notification; the slow recheck only covers a lost
            // notification (listener reconnecting) and the expiry of a pending gap
            Flux<Long> wakeups = Flux.merge(Flux.just(0L), signal.appended(), Flux.interval(SAFETY_RECHECK))
                    .onBackpressureLatest();
            return wakeups.concatMap(tick -> drain(cursor), 1);
        });
    }

    /** The highest global index stored so far (0 when empty). */
    public Mono<Long> head() {
        return db.sql("SELECT coalesce(max(global_index), 0) AS head FROM domain_event_entry")
                .map(r -> r.get("head", Long.class)).one();
    }

    private Flux<StoredEvent> drain(AtomicLong cursor) {
        return after(cursor.get(), PAGE).collectList().flatMapMany(events -> {
            if (events.isEmpty()) {
                return Flux.empty();
            }
            cursor.set(events.get(events.size() - 1).globalIndex());
            Flux<StoredEvent> page = Flux.fromIterable(events);
            return events.size() == PAGE ? page.concatWith(Flux.defer(() -> drain(cursor))) : page;
        });
    }

    /** The leading events that are safe to hand out: up to the first gap younger than {@link #GAP_TIMEOUT}. */
    static List<StoredEvent> untilYoungGap(long afterIndex, List<StoredEvent> events, Instant now) {
        List<StoredEvent> safe = new ArrayList<>(events.size());
        long previous = afterIndex;
        Instant gapHorizon = now.minus(GAP_TIMEOUT);
        for (StoredEvent event : events) {
            boolean gap = event.globalIndex() != previous + 1;
            if (gap && event.timestamp().isAfter(gapHorizon)) {
                break;
            }
            safe.add(event);
            previous = event.globalIndex();
        }
        return safe;
    }

    private static StoredEvent map(Readable r) {
        return new StoredEvent(r.get("global_index", Long.class), r.get("event_identifier", String.class),
                r.get("type", String.class), r.get("aggregate_identifier", String.class),
                r.get("sequence_number", Long.class), Instant.parse(r.get("time_stamp", String.class)),
                r.get("payload_type", String.class), r.get("payload_revision", String.class),
                utf8(r.get("payload", byte[].class)), utf8(r.get("meta_data", byte[].class)));
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
