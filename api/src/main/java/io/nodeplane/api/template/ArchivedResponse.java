package io.nodeplane.api.template;

import java.util.UUID;

/** The answer to deleting a template that tasks still refer to: it was archived instead. */
record ArchivedResponse(boolean deleted, boolean archived, UUID id) {

    static ArchivedResponse of(UUID id) {
        return new ArchivedResponse(false, true, id);
    }
}
