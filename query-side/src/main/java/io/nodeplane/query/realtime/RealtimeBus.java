package io.nodeplane.query.realtime;

import java.util.UUID;

/**
 * Where read-model changes are announced to live clients (ARCHITECTURE, Realtime), once the change is
 * stored. The application's bus renders {@code entity} exactly as the HTTP API shows it, numbers it in its
 * workspace's stream and fans it out; {@link #publish} never blocks and never fails the caller.
 */
public interface RealtimeBus {

    String NODE_STATUS_UPDATED = "node.status.updated";
    String NODE_ROOT_ACCESS_UPDATED = "node.root-access.updated";
    String METRICS_INGESTED = "metrics.ingested";
    String TASK_CREATED = "task.created";
    String TASK_UPDATED = "task.updated";
    String EVENT_CREATED = "event.created";
    String NODE_INSTALL_UPDATED = "node-install.updated";

    /**
     * @param nodeId the node the change concerns (delivered to that node's subscribers too), or {@code null}
     * @param entity the stored read object ({@code TaskView}, {@code NodeView}, {@code MetricSample},
     *               {@code OperationalEvent}, {@code NodeInstallView})
     */
    void publish(String type, UUID workspaceId, UUID nodeId, Object entity);

    /**
     * Someone's access may have narrowed, and the read model now says so: a membership was removed, a user's
     * sessions were revoked, a workspace was deleted. Open connections concerned re-check their user's session
     * and every workspace they follow, on every instance, and stop delivering what is no longer allowed.
     *
     * @param userId      whose connections; {@code null} for everyone's connections following {@code workspaceId}
     * @param workspaceId the workspace concerned; {@code null} for every workspace of {@code userId}
     */
    void accessNarrowed(UUID userId, UUID workspaceId);
}
