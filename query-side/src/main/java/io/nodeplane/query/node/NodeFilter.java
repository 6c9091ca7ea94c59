package io.nodeplane.query.node;

import java.util.UUID;

/** Filters of the node list; {@code null} means any. {@code q} matches name or hostname (substring). */
public record NodeFilter(String status, UUID teamId, String q, int limit, int offset) {
}
