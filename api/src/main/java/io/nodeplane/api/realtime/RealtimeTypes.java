package io.nodeplane.api.realtime;

import io.nodeplane.api.web.ApiException;
import io.nodeplane.query.realtime.RealtimeBus;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** The message types clients may receive and filter on. */
final class RealtimeTypes {

    static final Set<String> ALL = Set.of(RealtimeBus.NODE_STATUS_UPDATED, RealtimeBus.NODE_ROOT_ACCESS_UPDATED,
            RealtimeBus.METRICS_INGESTED, RealtimeBus.TASK_CREATED, RealtimeBus.TASK_UPDATED, RealtimeBus.EVENT_CREATED,
            RealtimeBus.NODE_INSTALL_UPDATED);

    private RealtimeTypes() {
    }

    /** {@code null} (every type) for a blank list; 400 naming the first unknown type. */
    static Set<String> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return null;
        }
        return parse(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
    }

    static Set<String> parse(List<String> types) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String type : types) {
            if (!ALL.contains(type)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_EVENT_TYPE",
                        "Unknown event type '" + type + "'; known types: " + String.join(", ", ALL.stream().sorted().toList()));
            }
            parsed.add(type);
        }
        return parsed.isEmpty() ? null : Set.copyOf(parsed);
    }
}
