package io.nodeplane.api.node;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Operator request bodies for nodes. */
final class NodeRequests {

    private NodeRequests() {
    }

    record UpdateNodeRequest(@Size(min = 2, max = 120) String name, @Size(max = 2000) String description) {
    }

    /** {@code teamId: null} takes the node out of its team. */
    record AssignTeamRequest(UUID teamId) {
    }

    record RootAccessRequest(@jakarta.validation.constraints.NotBlank @Size(max = 32) String profile) {
    }

    record MaintenanceRequest(@Size(max = 500) String reason) {
    }
}
