package io.nodeplane.api.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nodeplane.api.agent.AgentRequests.MetricsRequest;
import io.nodeplane.api.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A metric report reduced to what is stored: the three percentages (flat or nested form), the
 * temperature and the network statistics (the given object, or a summary of the interface list).
 */
record MetricValues(double cpu, double memory, double disk, Double temperature, String networkStats) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] SUMS = {
        {"rxBytes", "bytesRecv"}, {"txBytes", "bytesSent"}, {"rxPackets", "packetsRecv"}, {"txPackets", "packetsSent"},
        {"errorsIn", "errorsIn"}, {"errorsOut", "errorsOut"}, {"dropIn", "dropIn"}, {"dropOut", "dropOut"}};

    static MetricValues of(MetricsRequest r) {
        List<String> errors = new ArrayList<>();
        double cpu = percent("cpuUsage", r.cpuUsage(), r.cpu(), "usagePercent", errors);
        double memory = percent("memoryUsage", r.memoryUsage(), r.memory(), "usedPercent", errors);
        double disk = percent("diskUsage", r.diskUsage(), r.disk(), "usedPercent", errors);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", String.join("; ", errors), errors);
        }
        return new MetricValues(cpu, memory, disk, r.temperature(), network(r.networkStats(), r.networks()));
    }

    private static double percent(String field, Double flat, JsonNode nested, String nestedField, List<String> errors) {
        Double value = flat;
        if (value == null && nested != null && nested.isObject() && nested.get(nestedField) != null) {
            JsonNode n = nested.get(nestedField);
            if (!n.isNumber()) {
                errors.add(field + " must be a number");
                return 0;
            }
            value = n.doubleValue();
        }
        if (value == null) {
            errors.add(field + " is required");
            return 0;
        }
        if (value.isNaN() || value < 0 || value > 100) {
            errors.add(field + " must be between 0 and 100");
            return 0;
        }
        return value;
    }

    private static String network(JsonNode stats, List<JsonNode> networks) {
        if (stats != null && stats.isObject()) {
            return stats.toString();
        }
        List<JsonNode> interfaces = networks != null ? networks : new ArrayList<>();
        if (networks == null && stats != null && stats.isArray()) {
            stats.forEach(interfaces::add); // the socket form sends the interface list as networkStats
        }
        if (interfaces.isEmpty()) {
            return null;
        }
        ObjectNode summary = JSON.createObjectNode();
        for (String[] sum : SUMS) {
            long total = 0;
            for (JsonNode i : interfaces) {
                JsonNode v = i.get(sum[1]);
                total += v != null && v.canConvertToLong() ? v.asLong() : 0;
            }
            summary.put(sum[0], total);
        }
        ArrayNode list = summary.putArray("interfaces");
        interfaces.forEach(list::add);
        return summary.toString();
    }
}
