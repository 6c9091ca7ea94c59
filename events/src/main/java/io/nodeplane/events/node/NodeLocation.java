package io.nodeplane.events.node;

/** Where a node runs, as newer agents report it; Nodeplane stores it and shows it on the node. */
public record NodeLocation(String provider, String source, String region, String zone, Double latitude,
                           Double longitude) {
}
