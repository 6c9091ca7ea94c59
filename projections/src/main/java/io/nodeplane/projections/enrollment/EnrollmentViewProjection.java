package io.nodeplane.projections.enrollment;

import static io.nodeplane.projections.support.ProjectionWrites.changed;
import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.enrollment.EnrollmentApprovedEvent;
import io.nodeplane.events.enrollment.EnrollmentInitiatedEvent;
import io.nodeplane.events.enrollment.EnrollmentRevokedEvent;
import io.nodeplane.events.enrollment.NodeInstallConsumedEvent;
import io.nodeplane.events.enrollment.NodeInstallCreatedEvent;
import io.nodeplane.events.enrollment.NodeInstallProgressedEvent;
import io.nodeplane.projections.support.Json;
import io.nodeplane.projections.support.ProjectionWrites.Announcer;
import io.nodeplane.query.enrollment.EnrollmentQueryService;
import io.nodeplane.query.enrollment.EnrollmentViewRepository;
import io.nodeplane.query.realtime.RealtimeBus;
import java.util.UUID;
import reactor.core.publisher.Flux;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code enrollment_view} and {@code node_install_view}; announces {@code node-install.updated}. */
@Component
@ProcessingGroup("enrollment-view")
class EnrollmentViewProjection {

    private final EnrollmentViewRepository views;
    private final Announcer<UUID> install;

    EnrollmentViewProjection(EnrollmentViewRepository views, EnrollmentQueryService query, RealtimeBus bus) {
        this.views = views;
        // an install belongs to its workspace only: it is announced to the workspace, never to a node
        this.install = ids -> Flux.fromIterable(ids).concatMap(query::install)
                .doOnNext(i -> bus.publish(RealtimeBus.NODE_INSTALL_UPDATED, i.workspaceId(), null, i)).then();
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
        changed(install, e.installId());
    }

    @EventHandler
    void on(NodeInstallProgressedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.installProgress(e.installId(), e.stage(), e.status(), e.progressPercent(), e.statusMessage(), at, seq));
        changed(install, e.installId());
    }

    @EventHandler
    void on(NodeInstallConsumedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(views.installConsumed(e.installId(), e.nodeId(), e.hostname(), at, seq));
        changed(install, e.installId());
    }

    @ResetHandler
    void reset() {
        write(views.deleteAll());
    }
}
