package id.oss.livechat.server.notification;

import reactor.core.publisher.Mono;

/** Hands a mail to a mail service (SMTP, SendGrid). */
public interface MailTransport {
    Mono<Void> send(QueuedMail mail, String from);

    /** A mail the service refused. {@code permanent}: retrying cannot help (an invalid address). */
    class DeliveryFailure extends RuntimeException {
        private final boolean permanent;

        public DeliveryFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
