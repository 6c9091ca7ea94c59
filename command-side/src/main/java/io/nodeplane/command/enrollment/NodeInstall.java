package io.nodeplane.command.enrollment;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.events.enrollment.NodeInstallConsumedEvent;
import io.nodeplane.events.enrollment.NodeInstallCreatedEvent;
import io.nodeplane.events.enrollment.NodeInstallProgressedEvent;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A one-click install token: usable once, until it expires; the installer reports progress on it. */
@Aggregate
class NodeInstall {

    static final String CONSUMED_STAGE = "bootstrap_token_consumed";
    static final int CONSUMED_PERCENT = 92;

    @AggregateIdentifier
    private UUID installId;
    private UUID workspaceId;
    private UUID teamId;
    private String nodeName;
    private String description;
    private Instant expiresAt;
    private boolean consumed;

    NodeInstall() {
        // for Axon
    }

    NodeInstall(NodeInstallCreatedEvent created) {
        apply(created);
    }

    UUID workspaceId() {
        return workspaceId;
    }

    UUID teamId() {
        return teamId;
    }

    String nodeName() {
        return nodeName;
    }

    String description() {
        return description;
    }

    /** 409 once used, 410 once expired. */
    void requireConsumable(Instant now) {
        if (consumed) {
            throw conflict("BOOTSTRAP_TOKEN_USED", "Bootstrap token has already been used");
        }
        requireUnexpired(now);
    }

    void consume(UUID nodeId, String hostname, Instant now) {
        requireConsumable(now);
        apply(new NodeInstallConsumedEvent(installId, workspaceId, nodeId, hostname));
        apply(new NodeInstallProgressedEvent(installId, workspaceId, CONSUMED_STAGE, "installing", CONSUMED_PERCENT,
                "Bootstrap token consumed; node " + nodeId + " created"));
    }

    /** The installer keeps reporting after the agent consumed the token (service start), never after expiry. */
    void progress(String stage, String status, int percent, String message, Instant now) {
        if (!consumed) {
            requireUnexpired(now);
        }
        apply(new NodeInstallProgressedEvent(installId, workspaceId, stage, status, percent, message));
    }

    private void requireUnexpired(Instant now) {
        if (!now.isBefore(expiresAt)) {
            throw new CommandRejectedException(Kind.GONE, "BOOTSTRAP_TOKEN_EXPIRED", "Bootstrap token has expired");
        }
    }

    @EventSourcingHandler
    void on(NodeInstallCreatedEvent e) {
        installId = e.installId();
        workspaceId = e.workspaceId();
        teamId = e.teamId();
        nodeName = e.nodeName();
        description = e.description();
        expiresAt = e.expiresAt();
    }

    @EventSourcingHandler
    void on(NodeInstallConsumedEvent e) {
        consumed = true;
    }
}
