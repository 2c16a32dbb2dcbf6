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
    void aBareHostNameIsReadAsHttpsAndOnlyThisComputerAsHttp() {
        assertThat(ServerAddress.parse("chat.oss.go.id").orElseThrow().base())
                .isEqualTo(URI.create("https://chat.oss.go.id"));
        assertThat(ServerAddress.parse("10.1.2.3:8080").orElseThrow().agentSocket())
                .isEqualTo(URI.create("wss://10.1.2.3:8080/ws/agent"));
        assertThat(ServerAddress.parse("127.0.0.1:8080").orElseThrow().base())
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(
                        ServerAddress.parse("http://chat.oss.go.id")
                                .orElseThrow()
                                .sendsPasswordsInClear())
                .isTrue();
        assertThat(ServerAddress.parse("localhost:8080").orElseThrow().sendsPasswordsInClear())
                .isFalse();
        assertThat(ServerAddress.parse("chat.oss.go.id").orElseThrow().sendsPasswordsInClear())
                .isFalse();
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
