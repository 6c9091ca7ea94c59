package io.nodeplane.events.platform;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A platform admin asked for the read models to be rebuilt from the event store: each named event
 * processor is stopped, its token reset (its reset handler empties its tables) and started again.
 *
 * @param processors the names of the processors being replayed, in the order they are reset
 */
@Revision("1")
public record ProjectionRebuildStartedEvent(UUID rebuildId, List<String> processors) implements PlatformEvent {
}
