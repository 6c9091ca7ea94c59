package io.nodeplane.bench;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Entry point: {@code ./mvnw -q -pl bench exec:java -Dexec.args="dispatch --target http://127.0.0.1:3000 ..."}.
 * Scenarios: {@code dispatch}, {@code claim-empty}, {@code commands}, {@code fanout}, {@code agents}, {@code fleet}, {@code replay}. Common
 * flags: {@code --target}, {@code --admin-email}, {@code --admin-password}, {@code --enrollment-token}.
 * {@code fleet} (the full mix, see {@link FleetScenario}): {@code --agents} (500), {@code --rate} tasks/s (20),
 * {@code --duration} (60s), {@code --warmup} (10s), {@code --task-ms} (500), {@code --batch} (5), {@code --team}
 * (true), {@code --cancel-percent} (5), {@code --cancel-after-ms} (250), {@code --drain} (60s),
 * {@code --metric-sample} (20 nodes).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench <dispatch|claim-empty|commands|fanout|agents|fleet|replay> [--flag value]...");
            System.exit(2);
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            flags.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Options o = new Options(flags);
        switch (args[0]) {
            case "dispatch" -> new DispatchScenario(o).run();
            case "claim-empty" -> new ClaimEmptyScenario(o).run();
            case "commands" -> new CommandsScenario(o).run();
            case "fanout" -> new FanoutScenario(o).run();
            case "agents" -> new AgentsScenario(o).run();
            case "fleet" -> new FleetScenario(o).run();
            case "replay" -> new ReplayScenario(o).run();
            default -> {
                System.err.println("unknown scenario " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** Flags with their defaults. */
    record Options(Map<String, String> flags) {
        String get(String name, String fallback) {
            return flags.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(get(name, String.valueOf(fallback)));
        }

        String target() {
            return get("target", "http://127.0.0.1:3000");
        }
    }

    /** One summary line of a latency histogram recorded in microseconds. */
    static String summary(String label, Histogram h) {
        return String.format("%-28s n=%-7d p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms", label,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
