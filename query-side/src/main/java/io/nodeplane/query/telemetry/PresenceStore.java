package io.nodeplane.query.telemetry;

import java.util.Comparator;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code node_presence}: the last report of each node, upserted a batch per statement. */
@Repository
public class PresenceStore {

    private final DatabaseClient db;

    public PresenceStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Upserts the newest report per node. Rows are sorted by node id so that two concurrent batches
     * lock rows in the same order (no deadlock); {@code last_seen_at} never moves backwards.
     */
    public Mono<Void> upsert(List<PresenceReport> batch) {
        List<PresenceReport> sorted = batch.stream()
                .sorted(Comparator.comparing((PresenceReport p) -> p.nodeId().toString())
                        .thenComparing(PresenceReport::at, Comparator.reverseOrder()))
                .toList();
        int n = sorted.size();
        String[] nodes = new String[n];
        Long[] at = new Long[n];
        String[] agent = new String[n];
        String[] platform = new String[n];
        String[] kernel = new String[n];
        String[] location = new String[n];
        for (int i = 0; i < n; i++) {
            PresenceReport p = sorted.get(i);
            nodes[i] = p.nodeId().toString();
            at[i] = p.at().toEpochMilli();
            agent[i] = p.agentVersion();
            platform[i] = p.platformVersion();
            kernel[i] = p.kernelVersion();
            location[i] = p.locationJson();
        }
        return db.sql("""
                INSERT INTO node_presence AS p (node_id, last_seen_at, agent_version, platform_version, kernel_version,
                    last_version_reported_at, location)
                SELECT DISTINCT ON (node) node::uuid, to_timestamp(ms / 1000.0), av, pv, kv,
                       CASE WHEN COALESCE(av, pv, kv) IS NOT NULL THEN to_timestamp(ms / 1000.0) END, loc::jsonb
                FROM unnest(:nodes::text[], :ms::int8[], :av::text[], :pv::text[], :kv::text[], :loc::text[])
                     WITH ORDINALITY AS t(node, ms, av, pv, kv, loc, ord)
                ORDER BY node, ord
                ON CONFLICT (node_id) DO UPDATE SET
                    last_seen_at = GREATEST(p.last_seen_at, EXCLUDED.last_seen_at),
                    agent_version = COALESCE(EXCLUDED.agent_version, p.agent_version),
                    platform_version = COALESCE(EXCLUDED.platform_version, p.platform_version),
                    kernel_version = COALESCE(EXCLUDED.kernel_version, p.kernel_version),
                    last_version_reported_at = COALESCE(EXCLUDED.last_version_reported_at, p.last_version_reported_at),
                    location = COALESCE(EXCLUDED.location, p.location)""")
                .bind("nodes", nodes).bind("ms", at).bind("av", agent).bind("pv", platform).bind("kv", kernel)
                .bind("loc", location)
                .then();
    }
}
