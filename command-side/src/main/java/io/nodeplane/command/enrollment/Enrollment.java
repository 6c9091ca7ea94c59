package io.nodeplane.command.enrollment;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.events.enrollment.EnrollmentApprovedEvent;
import io.nodeplane.events.enrollment.EnrollmentInitiatedEvent;
import io.nodeplane.events.enrollment.EnrollmentRevokedEvent;
import io.nodeplane.events.node.AgentInfo;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A two-step enrollment request: pending until an operator approves it, it expires or a newer one replaces it. */
@Aggregate
class Enrollment {

    enum Status { PENDING, APPROVED, REVOKED }

    @AggregateIdentifier
    private UUID enrollmentId;
    private String email;
    private String hostname;
    private Instant expiresAt;
    private Status status;
    private AgentInfo agent;

    Enrollment() {
        // for Axon
    }

    Enrollment(EnrollmentInitiatedEvent initiated) {
        apply(initiated);
    }

    String email() {
        return email;
    }

    String hostname() {
        return hostname;
    }

    /** What the agent reported when it asked to join; becomes the node's os/arch/versions. */
    AgentInfo agent() {
        return agent;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** 409 when already approved, 410 when revoked. */
    void requireApprovable() {
        if (status == Status.APPROVED) {
            throw conflict("ENROLLMENT_ALREADY_APPROVED", "Enrollment has already been approved");
        }
        if (status == Status.REVOKED) {
            throw new CommandRejectedException(Kind.GONE, "ENROLLMENT_REVOKED", "Enrollment has been revoked or has expired");
        }
    }

    void revoke(String reason) {
        if (status == Status.PENDING) {
            apply(new EnrollmentRevokedEvent(enrollmentId, email, hostname, reason));
        }
    }

    void approve(UUID workspaceId, UUID nodeId, String nodeName) {
        requireApprovable();
        apply(new EnrollmentApprovedEvent(enrollmentId, workspaceId, nodeId, nodeName, hostname));
    }

    @EventSourcingHandler
    void on(EnrollmentInitiatedEvent e) {
        enrollmentId = e.enrollmentId();
        email = e.email();
        hostname = e.hostname();
        expiresAt = e.expiresAt();
        status = Status.PENDING;
        agent = e.agent();
    }

    @EventSourcingHandler
    void on(EnrollmentRevokedEvent e) {
        status = Status.REVOKED;
    }

    @EventSourcingHandler
    void on(EnrollmentApprovedEvent e) {
        status = Status.APPROVED;
    }
}
