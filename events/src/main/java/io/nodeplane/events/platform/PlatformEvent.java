package io.nodeplane.events.platform;

/**
 * Operations on the platform itself, recorded for auditors. Like sign-ins they belong to no aggregate:
 * they are appended to the event store on their own.
 */
public sealed interface PlatformEvent permits ProjectionRebuildStartedEvent {
}
