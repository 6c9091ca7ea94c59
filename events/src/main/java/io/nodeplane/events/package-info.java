/**
 * The published language of Nodeplane: every fact the system records, as immutable event records.
 *
 * <p>Rules: one sealed interface per context, {@code @Revision} on every event, only JSON-stable
 * field types, no Spring, and never a secret (no password, hash, token or key). Who caused an event
 * travels in its metadata (see {@link io.nodeplane.events.audit.AuditMetadata}), not in the payload.
 */
package io.nodeplane.events;
