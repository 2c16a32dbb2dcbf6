package id.oss.livechat.server.notification.internal;

import id.oss.livechat.server.notification.MailTransport;
import id.oss.livechat.server.notification.QueuedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Mail over SMTP with Spring's mail support. JavaMail blocks, so sending runs on the bounded
 * elastic scheduler. Each mail keeps one Message-ID across retries, so a receiving server that got
 * it before the connection broke can tell the copy apart.
 */
public class SmtpMailTransport implements MailTransport {
    private final JavaMailSenderImpl sender;

    public SmtpMailTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public Mono<Void> send(QueuedMail queued, String from) {
        return Mono.fromRunnable(
                        () -> {
                            try {
                                MimeMessage message =
                                        new MimeMessage(sender.getSession()) {
                                            @Override
                                            protected void updateMessageID()
                                                    throws MessagingException {
                                                setHeader("Message-ID", queued.messageId());
                                            }
                                        };
                                MimeMessageHelper helper =
                                        new MimeMessageHelper(
                                                message, true, StandardCharsets.UTF_8.name());
                                helper.setFrom(from);
                                helper.setTo(queued.mail().recipient());
                                helper.setSubject(queued.mail().subject());
                                helper.setText(queued.mail().text(), queued.mail().html());
                                message.setHeader(
                                        "Content-Language", queued.mail().language().wire());
                                sender.send(message);
                            } catch (MailAuthenticationException e) {
                                throw new DeliveryFailure(
                                        "the SMTP server refused our credentials", false, e);
                            } catch (MailSendException e) {
                                throw new DeliveryFailure(
                                        e.getMessage(), isRecipientRejected(e), e);
                            } catch (MailException | MessagingException e) {
                                throw new DeliveryFailure(e.getMessage(), false, e);
                            }
                        })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /**
     * A 5xx refusal of the address itself is final; anything else (server down, 4xx) is worth a
     * retry.
     */
    private static boolean isRecipientRejected(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SendFailedException sendFailed
                        && sendFailed.getInvalidAddresses() != null
                        && sendFailed.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
