package id.oss.livechat.server.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings ({@code livechat.mail.*}; application.yml maps FROM_EMAIL, SMTP_*, SENDGRID_*,
 * MAIL_*). SendGrid is used when its key is set, else SMTP when a host is set; with neither, mail
 * is queued and waits for one to be configured.
 */
@ConfigurationProperties("livechat.mail")
public record MailSettings(
        @DefaultValue("noreply@oss-livechat.local") String from,
        @DefaultValue("") String smtpHost,
        @DefaultValue("587") int smtpPort,
        @DefaultValue("") String smtpUsername,
        @DefaultValue("") String smtpPassword,
        @DefaultValue("true") boolean smtpStarttls,
        @DefaultValue("") String sendgridApiKey,
        @DefaultValue("https://api.sendgrid.com") String sendgridUrl,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("30s") Duration firstBackoff,
        @DefaultValue("5m") Duration visitorAwayAfter,
        @DefaultValue("15m") Duration offlineMailWindow) {

    @Override
    public String toString() {
        // no password or key in logs
        return "MailSettings[from="
                + from
                + ", smtpHost="
                + smtpHost
                + ", sendgrid="
                + !sendgridApiKey.isBlank()
                + "]";
    }
}
