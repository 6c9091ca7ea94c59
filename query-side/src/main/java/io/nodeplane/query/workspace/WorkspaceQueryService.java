package io.nodeplane.query.workspace;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactive queries over workspaces. */
@Service
public class WorkspaceQueryService {

    private final WorkspaceViewRepository repository;

    WorkspaceQueryService(WorkspaceViewRepository repository) {
        this.repository = repository;
    }

    public Flux<WorkspaceView> all() {
        return repository.findAll();
    }

    /** The platform's default workspace, if one exists yet. */
    public Mono<WorkspaceView> defaultWorkspace() {
        return repository.findAll().filter(WorkspaceView::isDefault).next();
    }
}
