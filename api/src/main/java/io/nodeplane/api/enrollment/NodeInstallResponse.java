package io.nodeplane.api.enrollment;

import io.nodeplane.query.enrollment.NodeInstallView;
import java.time.Instant;
import java.util.UUID;

/** Install status; {@code installCommand}/{@code scriptUrl}/{@code apiUrl} only when the command is generated. */
public record NodeInstallResponse(UUID installId, UUID workspaceId, UUID teamId, String nodeName, String description,
                           String hostname, UUID nodeId, String status, String stage, int progressPercent,
                           String statusMessage, Instant startedAt, Instant consumedAt, Instant expiresAt,
                           Instant createdAt, Instant updatedAt, String installCommand, String scriptUrl,
                           String apiUrl) {

    /** The status as any reader sees it: no install command. */
    public static NodeInstallResponse of(NodeInstallView i, Instant now) {
        return of(i, now, null, null);
    }

    static NodeInstallResponse of(NodeInstallView i, Instant now, String apiUrl, String token) {
        boolean expired = i.consumedAt() == null && !now.isBefore(i.expiresAt());
        String scriptUrl = apiUrl == null ? null : apiUrl + "/install.sh";
        String command = token == null ? null : "curl -fsSL '" + scriptUrl + "' | sudo bash -s -- --api-url '" + apiUrl
                + "' --bootstrap-token '" + token + "'";
        return new NodeInstallResponse(i.id(), i.workspaceId(), i.teamId(), i.nodeName(), i.description(), i.hostname(),
                i.nodeId(), expired ? "expired" : i.status(), expired ? "expired" : i.stage(), i.progressPercent(),
                expired ? "Bootstrap token expired" : i.statusMessage(), i.startedAt(), i.consumedAt(), i.expiresAt(),
                i.createdAt(), i.updatedAt(), command, scriptUrl, apiUrl);
    }
}
