package id.oss.livechat.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void aBareHostAndPortIsReadAsHttp() {
        ServerAddress address = ServerAddress.parse(" localhost:8080/ ").orElseThrow();

        assertThat(address.base()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(address.rest("/api/chat/waiting"))
                .isEqualTo(URI.create("http://localhost:8080/api/chat/waiting"));
        assertThat(address.agentSocket()).isEqualTo(URI.create("ws://localhost:8080/ws/agent"));
    }

    @Test
    void anHttpsServerGetsASecureSocket() {
        ServerAddress address =
                ServerAddress.parse("https://chat.oss.go.id/livechat").orElseThrow();

        assertThat(address.agentSocket())
                .isEqualTo(URI.create("wss://chat.oss.go.id/livechat/ws/agent"));
    }

    @Test
    void otherSchemesAndGarbageAreRefused() {
        assertThat(ServerAddress.parse("ftp://example.com")).isEmpty();
        assertThat(ServerAddress.parse("http://")).isEmpty();
        assertThat(ServerAddress.parse("   ")).isEmpty();
        assertThat(ServerAddress.parse("http://exa mple.com")).isEmpty();
    }
}
