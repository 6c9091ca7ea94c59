package io.nodeplane.projections.enrollment;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.enrollment.EnrollmentApprovedEvent;
import io.nodeplane.events.enrollment.EnrollmentInitiatedEvent;
import io.nodeplane.events.enrollment.EnrollmentRevokedEvent;
import io.nodeplane.events.enrollment.NodeInstallConsumedEvent;
import io.nodeplane.events.enrollment.NodeInstallCreatedEvent;
import io.nodeplane.events.enrollment.NodeInstallProgressedEvent;
import io.nodeplane.projections.support.Json;
import io.nodeplane.query.enrollment.EnrollmentViewRepository;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code enrollment_view} and {@code node_install_view}. */
@Component
@ProcessingGroup("enrollment-view")
class EnrollmentViewProjection {

    private final EnrollmentViewRepository views;

    EnrollmentViewProjection(EnrollmentViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(EnrollmentInitiatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.insertEnrollment(e.enrollmentId(), e.email(), e.hostname(), Json.of(e.agent()), e.expiresAt(), at, seq));
    }

    @EventHandler
    void on(EnrollmentRevokedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.revokeEnrollment(e.enrollmentId(), at, seq));
    }

    @EventHandler
    void on(EnrollmentApprovedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.approveEnrollment(e.enrollmentId(), e.workspaceId(), e.nodeId(), e.nodeName(), at, seq));
    }

    @EventHandler
    void on(NodeInstallCreatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.insertInstall(e.installId(), e.workspaceId(), e.teamId(), e.nodeName(), e.description(), e.expiresAt(),
                at, seq));
    }

    @EventHandler
    void on(NodeInstallProgressedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.installProgress(e.installId(), e.stage(), e.status(), e.progressPercent(), e.statusMessage(), at, seq));
    }

    @EventHandler
    void on(NodeInstallConsumedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.installConsumed(e.installId(), e.nodeId(), e.hostname(), at, seq));
    }

    @ResetHandler
    void reset() {
        write(views.deleteAll());
    }
}
