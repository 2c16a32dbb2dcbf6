package id.oss.livechat.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import id.oss.livechat.model.Language;
import id.oss.livechat.server.notification.internal.SendGridMailTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * SendGrid cannot run here, so its HTTP API is stood in for by a real HTTP server that answers as
 * SendGrid documents (202 accepted, 400 bad request, 503 unavailable).
 */
class SendGridMailTransportTest {
    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(202);
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private SendGridMailTransport transport;

    @BeforeEach
    void aSendGridLikeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/v3/mail/send",
                exchange -> {
                    body.set(
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                    authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                    byte[] answer =
                            status.get() == 202
                                    ? new byte[0]
                                    : "{\"errors\":[{\"message\":\"nope\"}]}"
                                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(
                            status.get(), answer.length == 0 ? -1 : answer.length);
                    if (answer.length > 0) {
                        exchange.getResponseBody().write(answer);
                    }
                    exchange.close();
                });
        server.start();
        transport =
                new SendGridMailTransport(
                        WebClient.builder(),
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        "SG.test-key");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static QueuedMail mail() {
        return new QueuedMail(
                42,
                new Mail(
                        "k",
                        Mail.Kind.TRANSCRIPT,
                        "siti@contoh.co.id",
                        Language.ID,
                        "Transkrip",
                        "teks",
                        "<p>html</p>",
                        UUID.randomUUID()),
                0);
    }

    @Test
    void aMailIsPostedWithBothPartsTheSenderAndTheKey() {
        transport.send(mail(), "layanan@oss.example.id").block(Duration.ofSeconds(10));
        Map<?, ?> sent = JsonMapper.builder().build().readValue(body.get(), Map.class);
        assertThat(authorization.get()).isEqualTo("Bearer SG.test-key");
        assertThat(sent.get("subject")).isEqualTo("Transkrip");
        assertThat(sent.get("from")).isEqualTo(Map.of("email", "layanan@oss.example.id"));
        assertThat(body.get())
                .contains(
                        "siti@contoh.co.id",
                        "text/plain",
                        "teks",
                        "text/html",
                        "<livechat-mail-42@oss-livechat>");
    }

    @Test
    void aRejectedMailIsFinalAndAnUnavailableServiceIsRetried() {
        status.set(400);
        assertThatThrownBy(
                        () ->
                                transport
                                        .send(mail(), "layanan@oss.example.id")
                                        .block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        MailTransport.DeliveryFailure.class,
                        f -> assertThat(f.permanent()).isTrue());
        status.set(503);
        assertThatThrownBy(
                        () ->
                                transport
                                        .send(mail(), "layanan@oss.example.id")
                                        .block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        MailTransport.DeliveryFailure.class,
                        f -> assertThat(f.permanent()).isFalse());
    }
}
