/**
 * Projections: Axon event handlers (pooled streaming processors, one processing group per read
 * table) that apply events to the read models of {@code query-side}. Each is idempotent and owns a
 * reset handler, so any of them can be rebuilt from the event store.
 */
package io.nodeplane.projections;
