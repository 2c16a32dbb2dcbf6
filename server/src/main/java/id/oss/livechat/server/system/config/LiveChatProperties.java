package id.oss.livechat.server.system.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Our own settings, under {@code livechat.*}; application.yml maps the environment onto them. */
@ConfigurationProperties("livechat")
public record LiveChatProperties(
        @DefaultValue("false") boolean demo,
        @DefaultValue("livechat-demo") String demoPassword,
        @DefaultValue("") String corsOrigins,
        @DefaultValue Identity identity,
        @DefaultValue Jwt jwt,
        @DefaultValue Login login,
        @DefaultValue Limits limits,
        @DefaultValue Routing routing,
        @DefaultValue Retention retention,
        @DefaultValue Privacy privacy) {

    /** The key shared with the OSS portal for {@code identity_hash}. */
    public record Identity(@DefaultValue("") String secret) {}

    /**
     * Staff tokens: {@code JWT_SECRET} and {@code JWT_EXPIRES_IN} (e.g. 24h or 1h30m, read by
     * {@code DurationText}).
     */
    public record Jwt(@DefaultValue("") String secret, @DefaultValue("24h") String expiresIn) {
        @Override
        public String toString() {
            return "Jwt[expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * Staff sign-in: after a few wrong passwords each attempt waits longer, doubling from 0.25 s up
     * to {@code slowdownMax} ({@code LOGIN_SLOWDOWN_MAX}).
     */
    public record Login(@DefaultValue("2s") Duration slowdownMax) {}

    /**
     * Request limits. A socket may send {@code messagesPerSecond} messages a second after a burst
     * of {@code messageBurst}: far above anyone typing, far below a flood. A new socket's {@code
     * auth} frame must arrive within {@code authTimeout}. A file in a chat may have {@code
     * maxAttachmentBytes} (its upload's body that and a little for the multipart framing).
     */
    public record Limits(
            @DefaultValue("65536") int maxBodyBytes,
            @DefaultValue("10485760") int maxAttachmentBytes,
            @DefaultValue("4000") int maxMessageChars,
            @DefaultValue("5") double messagesPerSecond,
            @DefaultValue("20") int messageBurst,
            @DefaultValue("10s") Duration authTimeout,
            @DefaultValue("32768") int maxFrameBytes) {}

    /**
     * Routing timeouts: a waiting session whose visitor has not been seen for {@code abandonAfter}
     * is closed as abandoned; an assignment no agent answered within {@code unansweredAfter} goes
     * back to the queue; the sweep runs every {@code sweepInterval}. An online agent with no staff
     * socket on any node for {@code presenceGrace} is set away until its next socket.
     */
    public record Routing(
            @DefaultValue("10m") Duration abandonAfter,
            @DefaultValue("3m") Duration unansweredAfter,
            @DefaultValue("15s") Duration sweepInterval,
            @DefaultValue("60s") Duration presenceGrace) {}

    /**
     * Retention periods per class of personal data ({@code RETAIN_*}), how often the job runs and
     * how many rows one batch (one short transaction) empties. The audit trail is kept longest.
     */
    public record Retention(
            @DefaultValue("730d") Duration messages,
            @DefaultValue("730d") Duration contacts,
            @DefaultValue("90d") Duration addresses,
            @DefaultValue("30d") Duration mails,
            @DefaultValue("1825d") Duration audit,
            @DefaultValue("1h") Duration interval,
            @DefaultValue("500") int batch) {}

    /**
     * The privacy notice before the widget's contact form, per language, with the portal's policy
     * link; empty texts: no notice, and no consent asked.
     */
    public record Privacy(
            @DefaultValue("") String noticeId,
            @DefaultValue("") String noticeEn,
            @DefaultValue("") String policyUrl,
            @DefaultValue("1") String noticeVersion) {}
}
