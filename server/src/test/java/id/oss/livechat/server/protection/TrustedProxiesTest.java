package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose X-Forwarded-For is believed, and which hop of it names the client. */
class TrustedProxiesTest {
    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }

    private final TrustedProxies proxies =
            TrustedProxies.parse("10.0.0.0/8, 192.168.1.5, fd00::/8");

    @Test
    void blocksAndSingleAddressesOfBothFamiliesAreTrusted() {
        assertThat(proxies.trusts(ip("10.200.3.4"))).isTrue();
        assertThat(proxies.trusts(ip("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(ip("192.168.1.5"))).isTrue();
        assertThat(proxies.trusts(ip("192.168.1.6"))).isFalse();
        assertThat(proxies.trusts(ip("fd12::1"))).isTrue();
        assertThat(proxies.trusts(ip("fe80::1"))).isFalse();
        assertThat(TrustedProxies.parse("172.16.0.0/12").trusts(ip("172.31.255.255"))).isTrue();
        assertThat(TrustedProxies.parse("172.16.0.0/12").trusts(ip("172.32.0.0"))).isFalse();
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertThat(proxies.clientOf(ip("203.0.113.9"), List.of("198.51.100.1")))
                .isEqualTo(ip("203.0.113.9"));
    }

    @Test
    void theRightmostHopThatIsNoProxyIsTheClient() {
        // the client wrote "6.6.6.6" itself; the ingress appended who really connected
        assertThat(proxies.clientOf(ip("10.0.0.2"), List.of("6.6.6.6, 198.51.100.7")))
                .isEqualTo(ip("198.51.100.7"));
        // two proxies of ours in a row
        assertThat(proxies.clientOf(ip("10.0.0.2"), List.of("198.51.100.7, 10.1.1.1")))
                .isEqualTo(ip("198.51.100.7"));
        // the header repeated
        assertThat(proxies.clientOf(ip("10.0.0.2"), List.of("6.6.6.6", "198.51.100.8")))
                .isEqualTo(ip("198.51.100.8"));
        assertThat(proxies.clientOf(ip("10.0.0.2"), List.of("[2001:db8::7]")))
                .isEqualTo(ip("2001:db8::7"));
    }

    @Test
    void garbageOrAHostNameEndsTheWalkAtTheLastAddressKnown() {
        assertThat(proxies.clientOf(ip("10.0.0.2"), List.of("evil.example")))
                .isEqualTo(ip("10.0.0.2"));
        assertThat(proxies.clientOf(ip("10.0.0.2"), List.of("198.51.100.7, 10.0.0.3, unknown")))
                .isEqualTo(ip("10.0.0.2"));
        assertThat(proxies.clientOf(ip("10.0.0.2"), List.of(""))).isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void aWrongEntryStopsTheStartNamingIt() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .hasMessageContaining("TRUSTED_PROXIES")
                .hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.parse("ingress.internal"))
                .hasMessageContaining("ingress.internal");
    }
}
