package io.nodeplane.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressFilterTest {

    private static String client(List<String> headers, int hops) {
        InetAddress address = ClientAddressFilter.client(headers, hops);
        return address == null ? null : address.getHostAddress();
    }

    @Test
    void theClientIsTheAddressTheOutermostTrustedProxySaw() {
        // the client forged "1.1.1.1"; proxy A saw 203.0.113.7 and appended it; proxy B appended A's address
        List<String> header = List.of("1.1.1.1, 203.0.113.7", "10.0.0.2");
        assertThat(client(header, 1)).isEqualTo("10.0.0.2");
        assertThat(client(header, 2)).isEqualTo("203.0.113.7");
        assertThat(client(List.of("2001:db8::1"), 1)).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void missingShortOrNonLiteralHeadersAreIgnored() {
        assertThat(client(null, 1)).isNull();
        assertThat(client(List.of("10.0.0.2"), 2)).isNull();
        assertThat(client(List.of("attacker.example.com"), 1)).isNull(); // never a DNS lookup
        assertThat(client(List.of("unknown"), 1)).isNull();
    }
}
