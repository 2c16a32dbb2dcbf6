package id.oss.livechat.server.notification;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads what mails are made of. */
public interface MailSource {
    Mono<MailContext> context(UUID sessionId);
}
