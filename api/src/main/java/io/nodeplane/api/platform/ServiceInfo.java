package io.nodeplane.api.platform;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Identity of this running instance: a fresh boot id on every start. */
@Component
public class ServiceInfo {

    private final Instant startedAt = Instant.now();
    private final String bootId = UUID.randomUUID().toString();

    public Instant startedAt() {
        return startedAt;
    }

    public String bootId() {
        return bootId;
    }
}
