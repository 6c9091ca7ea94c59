package io.nodeplane.api.realtime;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One message of a workspace's stream, serialized once for every subscriber.
 *
 * @param sequence monotonic within the workspace's stream on this instance (clients drop duplicates by it)
 * @param payload  the entity as the HTTP API shows it, plus {@code workspaceId}, {@code sourceInstanceId} and
 *                 {@code sequence} (what Socket.IO clients receive)
 * @param envelope {@code {type, workspaceId, nodeId, sequence, sourceInstanceId, publishedAt, payload}} (what SSE and
 *                 WebSocket send; {@code publishedAt} is when this instance numbered it, epoch milliseconds)
 * @param sseFrame the whole server-sent event ({@code id:}, {@code event:}, {@code data:}), encoded once for
 *                 every subscriber
 */
public record RealtimeMessage(String type, UUID workspaceId, UUID nodeId, long sequence, String sourceInstanceId,
                              String payload, String envelope, byte[] sseFrame) {

    static RealtimeMessage of(String type, UUID workspaceId, UUID nodeId, long sequence, String sourceInstanceId,
                              String entityJson) {
        String source = "\"sourceInstanceId\":\"" + sourceInstanceId + "\",\"sequence\":" + sequence;
        String payload = entityJson.length() > 2
                ? entityJson.substring(0, entityJson.length() - 1) + "," + source + "}"
                : "{" + source + "}";
        String envelope = "{\"type\":\"" + type + "\",\"workspaceId\":\"" + workspaceId + "\",\"nodeId\":"
                + (nodeId == null ? "null" : "\"" + nodeId + "\"") + ",\"sequence\":" + sequence
                + ",\"sourceInstanceId\":\"" + sourceInstanceId + "\",\"publishedAt\":" + System.currentTimeMillis()
                + ",\"payload\":" + payload + "}";
        byte[] frame = ("id: " + sequence + "\nevent: " + type + "\ndata: " + envelope + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        return new RealtimeMessage(type, workspaceId, nodeId, sequence, sourceInstanceId, payload, envelope, frame);
    }
}
