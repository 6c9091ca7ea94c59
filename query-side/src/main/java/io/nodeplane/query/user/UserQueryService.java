package io.nodeplane.query.user;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactive queries over users. Empty {@link Mono} when nothing matches. */
@Service
public class UserQueryService {

    private final UserViewRepository repository;

    UserQueryService(UserViewRepository repository) {
        this.repository = repository;
    }

    public Mono<UserView> byId(UUID id) {
        return repository.findById(id);
    }

    /** Every user, ordered by e-mail address. */
    public Flux<UserView> all() {
        return repository.findAll();
    }

    /** Active users who accepted their invitation and are not members of the workspace yet. */
    public Flux<UserView> assignableTo(UUID workspaceId) {
        return repository.findAssignable(workspaceId);
    }

    /** Case-insensitive lookup by e-mail address. */
    public Mono<UserView> byEmail(String email) {
        return repository.findByEmail(email);
    }
}
