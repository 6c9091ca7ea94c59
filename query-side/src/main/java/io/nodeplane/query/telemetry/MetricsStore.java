package io.nodeplane.query.telemetry;

import io.nodeplane.query.support.Rows;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code node_metric}: metric samples, written a batch per statement and read newest first. */
@Repository
public class MetricsStore {

    private final DatabaseClient db;

    public MetricsStore(DatabaseClient db) {
        this.db = db;
    }

    /** One INSERT for the whole batch: arrays unnested server-side (a fixed statement, planned once). */
    public Mono<Void> insert(List<MetricSample> batch) {
        int n = batch.size();
        String[] ids = new String[n];
        String[] workspaces = new String[n];
        String[] nodes = new String[n];
        Double[] cpu = new Double[n];
        Double[] memory = new Double[n];
        Double[] disk = new Double[n];
        Double[] temperature = new Double[n];
        String[] network = new String[n];
        Long[] at = new Long[n];
        for (int i = 0; i < n; i++) {
            MetricSample m = batch.get(i);
            ids[i] = m.id().toString();
            workspaces[i] = m.workspaceId().toString();
            nodes[i] = m.nodeId().toString();
            cpu[i] = m.cpuUsage();
            memory[i] = m.memoryUsage();
            disk[i] = m.diskUsage();
            temperature[i] = m.temperature();
            network[i] = m.networkStats();
            at[i] = m.recordedAt().toEpochMilli();
        }
        return db.sql("""
                INSERT INTO node_metric (id, workspace_id, node_id, cpu_usage, memory_usage, disk_usage, temperature,
                    network_stats, recorded_at)
                SELECT id::uuid, ws::uuid, node::uuid, cpu, mem, disk, temp, net::jsonb, to_timestamp(ms / 1000.0)
                FROM unnest(:ids::text[], :ws::text[], :nodes::text[], :cpu::float8[], :mem::float8[], :disk::float8[],
                            :temp::float8[], :net::text[], :ms::int8[]) AS t(id, ws, node, cpu, mem, disk, temp, net, ms)""")
                .bind("ids", ids).bind("ws", workspaces).bind("nodes", nodes).bind("cpu", cpu).bind("mem", memory)
                .bind("disk", disk).bind("temp", temperature).bind("net", network).bind("ms", at)
                .then();
    }

    /** Newest first; {@code nodeId}, {@code from}, {@code to} optional. */
    public Flux<MetricSample> find(UUID workspaceId, UUID nodeId, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM node_metric WHERE workspace_id = :ws");
        if (nodeId != null) {
            sql.append(" AND node_id = :node");
        }
        if (from != null) {
            sql.append(" AND recorded_at >= :from");
        }
        if (to != null) {
            sql.append(" AND recorded_at <= :to");
        }
        sql.append(" ORDER BY recorded_at DESC, id DESC LIMIT :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("ws", workspaceId).bind("limit", limit);
        if (nodeId != null) {
            spec = spec.bind("node", nodeId);
        }
        if (from != null) {
            spec = spec.bind("from", from);
        }
        if (to != null) {
            spec = spec.bind("to", to);
        }
        return spec.map(MetricsStore::map).all();
    }

    /** Deletes up to {@code chunk} samples older than {@code cutoff}; answers how many went. */
    public Mono<Long> deleteOlderThan(Instant cutoff, int chunk) {
        return db.sql("""
                DELETE FROM node_metric WHERE id IN (
                    SELECT id FROM node_metric WHERE id < :bound ORDER BY id LIMIT :chunk)""")
                .bind("bound", TimeOrderedIds.lowerBound(cutoff.toEpochMilli())).bind("chunk", chunk)
                .fetch().rowsUpdated();
    }

    static MetricSample map(Readable r) {
        Json network = r.get("network_stats", Json.class);
        Float temperature = r.get("temperature", Float.class);
        return new MetricSample(r.get("id", UUID.class), r.get("workspace_id", UUID.class), r.get("node_id", UUID.class),
                r.get("cpu_usage", Float.class), r.get("memory_usage", Float.class), r.get("disk_usage", Float.class),
                temperature == null ? null : temperature.doubleValue(), network == null ? null : network.asString(),
                Rows.instant(r, "recorded_at"));
    }
}
