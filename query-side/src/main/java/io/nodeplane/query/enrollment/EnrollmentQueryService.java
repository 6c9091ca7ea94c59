package io.nodeplane.query.enrollment;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Enrollments and node installs as stored by their projection. */
@Service
public class EnrollmentQueryService {

    private final EnrollmentViewRepository views;

    EnrollmentQueryService(EnrollmentViewRepository views) {
        this.views = views;
    }

    public Mono<EnrollmentView> enrollment(UUID id) {
        return views.findEnrollment(id);
    }

    /** An install of the workspace; empty for another workspace's install. */
    public Mono<NodeInstallView> install(UUID workspaceId, UUID installId) {
        return views.findInstall(workspaceId, installId);
    }

    public Mono<NodeInstallView> install(UUID installId) {
        return views.findInstall(installId);
    }
}
