package io.nodeplane.events.enrollment;

import java.util.UUID;

/** Events of a two-step enrollment; each belongs to the {@code Enrollment} aggregate. */
public sealed interface EnrollmentEvent permits EnrollmentInitiatedEvent, EnrollmentRevokedEvent,
        EnrollmentApprovedEvent {
    UUID enrollmentId();
}
