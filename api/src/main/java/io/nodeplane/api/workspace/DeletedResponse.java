package io.nodeplane.api.workspace;

import java.util.UUID;

/** The contract's answer to a delete: {@code {deleted: true, id}}. */
public record DeletedResponse(boolean deleted, UUID id) {
}
