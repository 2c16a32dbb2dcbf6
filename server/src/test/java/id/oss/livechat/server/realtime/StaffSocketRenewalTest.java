package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.agent.internal.JwtSettings;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * A desktop renews its token mid-shift on the socket it has ({@code auth} again with the token
 * {@code POST /api/auth/refresh} gave): the socket outlives the first token, stays on its chats,
 * and a message after the first token's expiry arrives once. Another member's token renews nothing.
 */
class StaffSocketRenewalTest extends ServerTest {
    private StaffFixture staff;
    private StaffFixture.Member agent;
    private Visitor.Session session;
    private UUID sessionId;
    private final List<ChatSocket> sockets = new ArrayList<>();

    @BeforeEach
    void aVisitorServedByAnAgent() {
        staff = new StaffFixture(db, http);
        UUID department = staff.department();
        agent = staff.agent("online", 3, department);
        session = staff.waitingSession(department, "normal");
        sessionId = UUID.fromString(session.id());
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    private ChatSocket signedIn(String path, String token) {
        ChatSocket socket = ChatSocket.signedIn(port, path, token);
        sockets.add(socket);
        return socket;
    }

    /** A real token of the member (the server's key and version) that expires in whole seconds. */
    private static String tokenOf(StaffFixture.Member member, Instant expires) {
        var claims =
                JwtClaimsSet.builder()
                        .issuer(JwtSettings.ISSUER)
                        .subject(member.id().toString())
                        .issuedAt(Instant.now())
                        .expiresAt(expires)
                        .claim("role", "agent")
                        .claim("ver", 0)
                        .build();
        var key =
                new SecretKeySpec(
                        JwtSettings.DEMO_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusJwtEncoder.withSecretKey(key)
                .build()
                .encode(
                        JwtEncoderParameters.from(
                                JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static Instant inThreeSeconds() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
    }

    @SuppressWarnings("unchecked")
    private String refreshed(String token) {
        Map<String, Object> body =
                http.post()
                        .uri("/api/auth/refresh")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return (String) body.get("access_token");
    }

    private static void waitUntilPast(Instant moment) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now().isAfter(moment.plusMillis(500)));
    }

    @Test
    void aRenewedTokenOnTheSameSocketKeepsItOpenAndOnItsChats() {
        Instant firstExpiry = inThreeSeconds();
        String shortLived = tokenOf(agent, firstExpiry);
        ChatSocket desk = signedIn("/ws/agent", shortLived);
        ChatSocket visitor = signedIn("/ws/visitor", session.token());

        desk.send(new ClientFrame.Auth(refreshed(shortLived)));
        Awaitility.await()
                .atMost(ChatSocket.WAIT)
                .until(() -> desk.all(ServerFrame.AuthOk.class).size() == 2);
        assertThat(desk.all(ServerFrame.AuthOk.class).get(1).user().id()).isEqualTo(agent.id());
        assertThat(desk.all(ServerFrame.Error.class)).isEmpty();

        waitUntilPast(firstExpiry);
        visitor.send(new ClientFrame.MessageSend(sessionId, "v-after", "Masih di sana?"));
        desk.await(ServerFrame.MessageNew.class, m -> m.text().equals("Masih di sana?"));
        desk.send(new ClientFrame.MessageSend(sessionId, "a-after", "Masih, silakan"));
        visitor.await(ServerFrame.MessageNew.class, m -> m.text().equals("Masih, silakan"));

        assertThat(desk.isClosed()).as("the socket outlived its first token").isFalse();
        assertThat(desk.all(ServerFrame.MessageNew.class))
                .filteredOn(m -> m.text().equals("Masih di sana?"))
                .as("delivered once")
                .hasSize(1);
    }

    @Test
    void anotherMembersTokenRenewsNothing() {
        Instant expiry = inThreeSeconds();
        ChatSocket desk = signedIn("/ws/agent", tokenOf(agent, expiry));
        StaffFixture.Member colleague = staff.agent("offline", 3, staff.department());

        desk.send(new ClientFrame.Auth(staff.login(colleague)));
        ServerFrame.Error refused =
                desk.await(ServerFrame.Error.class, e -> e.code().equals("invalid_token"));
        assertThat(refused.ref()).isEqualTo("auth");
        desk.send(new ClientFrame.Auth("not-a-token"));
        Awaitility.await()
                .atMost(ChatSocket.WAIT)
                .until(() -> desk.all(ServerFrame.Error.class).size() == 2);
        assertThat(desk.all(ServerFrame.Error.class))
                .extracting(ServerFrame.Error::code)
                .containsOnly("invalid_token");

        CloseStatus closed = desk.awaitClosed();
        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
        assertThat(closed.getCode()).isEqualTo(4401);
        assertThat(closed.getReason()).isEqualTo("token_expired");
        assertThat(desk.all(ServerFrame.AuthOk.class)).hasSize(1);
    }

    @Test
    void aVisitorSocketHasNothingToRenew() {
        ChatSocket visitor = signedIn("/ws/visitor", session.token());
        visitor.send(new ClientFrame.Auth(session.token()));
        assertThat(
                        visitor.await(
                                        ServerFrame.Error.class,
                                        e -> e.code().equals("already_authenticated"))
                                .ref())
                .isEqualTo("auth");
        assertThat(visitor.isClosed()).isFalse();
    }
}
