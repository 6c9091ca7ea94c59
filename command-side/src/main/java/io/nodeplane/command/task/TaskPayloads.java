package io.nodeplane.command.task;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;

import io.nodeplane.command.node.NodeFacts;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Task types, their payload rules and root gating (contract §1.6 payloads, §2.2 creation rules). Root
 * is judged by the profile the node's agent has <em>applied</em>, not the one an admin asked for.
 */
final class TaskPayloads {

    static final Set<String> TYPES = Set.of("shell.exec", "packageList", "packageSearch", "packageInstall",
            "packageRemove", "packagePurge", "log.scan", "agent.update");
    static final Set<String> PACKAGE_MUTATIONS = Set.of("packageInstall", "packageRemove", "packagePurge");
    /** The only commands operational root may run (§2.2). */
    static final List<String> OPERATIONAL_COMMANDS = List.of("reboot", "systemctl restart noderax-agent", "apt-get update");
    private static final Pattern PACKAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.:~_=-]{0,199}");
    private static final int COMMAND_MAX = 20_000;

    private TaskPayloads() {
    }

    /** Rejects an unknown type, a malformed payload or a bad timeout with 400. */
    static void validate(TaskSpec spec) {
        String type = spec.type();
        if (type == null || !TYPES.contains(type)) {
            throw badRequest("TASK_TYPE_INVALID", "type must be one of " + String.join(", ", new java.util.TreeSet<>(TYPES)));
        }
        Map<String, Object> p = spec.payload() == null ? Map.of() : spec.payload();
        if (spec.timeoutSeconds() != null && (spec.timeoutSeconds() < 1 || spec.timeoutSeconds() > 86_400)) {
            throw badRequest("TASK_TIMEOUT_INVALID", "timeoutSeconds must be between 1 and 86400");
        }
        switch (type) {
            case "shell.exec" -> {
                Object command = p.get("command");
                if (!(command instanceof String s) || s.isBlank() || s.length() > COMMAND_MAX) {
                    throw badRequest("TASK_PAYLOAD_INVALID", "payload.command must be a non-empty string of at most "
                            + COMMAND_MAX + " characters");
                }
                if (p.containsKey("environment") && !(p.get("environment") instanceof Map)) {
                    throw badRequest("TASK_PAYLOAD_INVALID", "payload.environment must be an object");
                }
            }
            case "packageSearch" -> {
                Object term = p.getOrDefault("term", p.get("query"));
                if (!(term instanceof String s) || s.isBlank() || s.length() > 200) {
                    throw badRequest("TASK_PAYLOAD_INVALID", "payload.term (or query) must be a non-empty string");
                }
            }
            case "packageInstall", "packageRemove", "packagePurge" -> packageNames(p);
            case "log.scan" -> {
                if (!(p.get("sourcePresetId") instanceof String)) {
                    throw badRequest("TASK_PAYLOAD_INVALID", "payload.sourcePresetId is required");
                }
            }
            case "agent.update" -> {
                if (!(p.get("targetVersion") instanceof String)) {
                    throw badRequest("TASK_PAYLOAD_INVALID", "payload.targetVersion is required");
                }
            }
            default -> {
                // packageList takes no parameters
            }
        }
    }

    /** The package names of a package mutation ({@code names}, {@code packages} or {@code package}). */
    static List<String> packageNames(Map<String, Object> p) {
        List<String> names = new ArrayList<>();
        for (String key : List.of("names", "packages")) {
            if (p.get(key) instanceof Collection<?> values) {
                values.forEach(v -> names.add(String.valueOf(v)));
            }
        }
        if (p.get("package") instanceof String single) {
            names.add(single);
        }
        if (names.isEmpty() || names.stream().anyMatch(n -> !PACKAGE_NAME.matcher(n).matches())) {
            throw badRequest("TASK_PAYLOAD_INVALID", "payload.names must list valid package names");
        }
        return names.stream().distinct().toList();
    }

    /** 400 when the task needs root the node's applied profile does not allow. */
    static void requireRoot(TaskSpec spec, NodeFacts node) {
        Map<String, Object> p = spec.payload() == null ? Map.of() : spec.payload();
        boolean runAsRoot = Boolean.TRUE.equals(p.get("runAsRoot"));
        Object scope = p.getOrDefault("rootScope", "log.scan".equals(spec.type()) ? "operational" : "task");
        if (PACKAGE_MUTATIONS.contains(spec.type())) {
            operational(node);
        } else if (runAsRoot && "log.scan".equals(spec.type())) {
            if (!"operational".equals(scope)) {
                throw badRequest("ROOT_SCOPE_INVALID", "log.scan as root requires rootScope \"operational\"");
            }
            operational(node);
        } else if (runAsRoot && "shell.exec".equals(spec.type())) {
            if ("task".equals(scope)) {
                if (!node.allowsTaskRoot()) {
                    throw denied(node, "task");
                }
            } else if ("operational".equals(scope)) {
                operational(node);
                if (!OPERATIONAL_COMMANDS.contains(String.valueOf(p.get("command")).trim())) {
                    throw badRequest("ROOT_COMMAND_NOT_ALLOWED", "Operational root only runs: "
                            + String.join(", ", OPERATIONAL_COMMANDS));
                }
            } else {
                throw badRequest("ROOT_SCOPE_INVALID", "rootScope must be \"task\" or \"operational\"");
            }
        }
    }

    private static void operational(NodeFacts node) {
        if (!node.allowsOperationalRoot()) {
            throw denied(node, "operational");
        }
    }

    private static RuntimeException denied(NodeFacts node, String kind) {
        return badRequest("ROOT_ACCESS_DENIED", "Node " + node.name() + " does not currently allow " + kind
                + " root access. Applied profile is " + node.appliedRootProfile() + ".");
    }
}
