package io.nodeplane.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the client's address is found ({@code nodeplane.http}).
 *
 * @param trustedProxyHops how many reverse proxies in front of the service append to {@code X-Forwarded-For};
 *                         0 (the default) ignores the header and uses the connection's peer address
 */
@ConfigurationProperties("nodeplane.http")
public record ClientAddressProperties(int trustedProxyHops) {

    public ClientAddressProperties {
        trustedProxyHops = Math.max(0, trustedProxyHops);
    }
}
