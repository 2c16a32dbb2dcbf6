package id.oss.livechat.server.notification;

import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.hours.DepartmentOpening;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.notification.internal.MailMetrics;
import id.oss.livechat.server.notification.internal.MailSettings;
import id.oss.livechat.server.notification.internal.NotificationsLifecycle;
import id.oss.livechat.server.notification.internal.R2dbcMailOutbox;
import id.oss.livechat.server.notification.internal.R2dbcMailSource;
import id.oss.livechat.server.notification.internal.SendGridMailTransport;
import id.oss.livechat.server.notification.internal.SmtpMailTransport;
import id.oss.livechat.server.session.VisitorAccess;
import id.oss.livechat.server.system.config.LiveChatProperties;
import id.oss.livechat.server.system.metrics.RefreshedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires mail: the outbox, the templates, which mails to queue, and the worker that sends them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
public class NotificationConfiguration {

    @Bean
    MailOutbox mailOutbox(DatabaseClient db) {
        return new R2dbcMailOutbox(db);
    }

    @Bean
    Notifications notifications(
            MailOutbox outbox,
            DatabaseClient db,
            MessageStore messages,
            VisitorAccess access,
            Clock clock,
            MailSettings settings,
            LiveChatProperties properties,
            @Value("${LIVECHAT_TIMEZONE:Asia/Jakarta}") String timezone,
            ObjectProvider<DepartmentOpening> opening) {
        // the visitor of a left message is away by definition: gone ABANDON_AFTER at least
        Duration abandonAfter = properties.routing().abandonAfter();
        Duration away =
                settings.visitorAwayAfter().compareTo(abandonAfter) < 0
                        ? settings.visitorAwayAfter()
                        : abandonAfter;
        return new Notifications(
                outbox,
                new R2dbcMailSource(db),
                messages,
                new MailTemplates(ZoneId.of(timezone)),
                access,
                clock,
                away,
                settings.offlineMailWindow(),
                opening.getIfAvailable(() -> DepartmentOpening.ALWAYS));
    }

    @Bean
    MailMetrics mailMetrics(MeterRegistry registry, RefreshedGauges gauges, DatabaseClient db) {
        return new MailMetrics(registry, gauges, db);
    }

    @Bean
    NotificationsLifecycle notificationsLifecycle(
            ChatEventBus bus,
            Notifications notifications,
            MailOutbox outbox,
            MailSettings settings,
            Clock clock,
            ObjectProvider<MailWorker.Listener> listener,
            AuditTrail audit) {
        MailTransport transport = transport(settings);
        MailWorker worker =
                transport == null
                        ? null
                        : new MailWorker(
                                outbox,
                                transport,
                                settings.from(),
                                settings.firstBackoff(),
                                clock,
                                listener.getIfAvailable(() -> MailWorker.Listener.NONE),
                                audit);
        return new NotificationsLifecycle(bus, notifications, worker, settings.pollInterval());
    }

    private static MailTransport transport(MailSettings settings) {
        if (!settings.sendgridApiKey().isBlank()) {
            return new SendGridMailTransport(
                    WebClient.builder(), settings.sendgridUrl(), settings.sendgridApiKey());
        }
        if (!settings.smtpHost().isBlank()) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(settings.smtpHost());
            sender.setPort(settings.smtpPort());
            if (!settings.smtpUsername().isBlank()) {
                sender.setUsername(settings.smtpUsername());
                sender.setPassword(settings.smtpPassword());
            }
            Properties properties = sender.getJavaMailProperties();
            properties.put("mail.smtp.auth", String.valueOf(!settings.smtpUsername().isBlank()));
            properties.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStarttls()));
            properties.put("mail.smtp.connectiontimeout", "10000");
            properties.put("mail.smtp.timeout", "20000");
            properties.put("mail.smtp.writetimeout", "20000");
            return new SmtpMailTransport(sender);
        }
        return null;
    }
}
