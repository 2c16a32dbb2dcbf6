package id.oss.livechat.server.notification.internal;

import id.oss.livechat.server.notification.MailTransport;
import id.oss.livechat.server.notification.QueuedMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Mail through SendGrid's HTTP API (v3 mail/send), when {@code SENDGRID_API_KEY} is set. */
public class SendGridMailTransport implements MailTransport {
    private final WebClient client;

    public SendGridMailTransport(WebClient.Builder builder, String baseUrl, String apiKey) {
        this.client = builder.baseUrl(baseUrl).defaultHeaders(h -> h.setBearerAuth(apiKey)).build();
    }

    @Override
    public Mono<Void> send(QueuedMail queued, String from) {
        Map<String, Object> body =
                Map.of(
                        "personalizations",
                                List.of(
                                        Map.of(
                                                "to",
                                                List.of(
                                                        Map.of(
                                                                "email",
                                                                queued.mail().recipient())))),
                        "from", Map.of("email", from),
                        "subject", queued.mail().subject(),
                        "content",
                                List.of(
                                        Map.of("type", "text/plain", "value", queued.mail().text()),
                                        Map.of("type", "text/html", "value", queued.mail().html())),
                        "headers",
                                Map.of(
                                        "Message-ID",
                                        queued.messageId(),
                                        "Content-Language",
                                        queued.mail().language().wire()));
        return client.post()
                .uri("/v3/mail/send")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(
                        response ->
                                response.statusCode().is2xxSuccessful()
                                        ? response.releaseBody()
                                        : response.bodyToMono(String.class)
                                                .defaultIfEmpty("")
                                                .flatMap(
                                                        text ->
                                                                Mono.<Void>error(
                                                                        new DeliveryFailure(
                                                                                "SendGrid answered "
                                                                                        + response.statusCode()
                                                                                                .value()
                                                                                        + ": "
                                                                                        + text,
                                                                                permanent(
                                                                                        response
                                                                                                .statusCode()),
                                                                                null))))
                .timeout(Duration.ofSeconds(30))
                .onErrorMap(
                        e -> !(e instanceof DeliveryFailure),
                        e -> new DeliveryFailure(e.toString(), false, e));
    }

    /** A 4xx other than rate limiting means the mail as written will never be accepted. */
    private static boolean permanent(HttpStatusCode status) {
        return status.is4xxClientError()
                && status.value() != 429
                && status.value() != 401
                && status.value() != 403;
    }
}
