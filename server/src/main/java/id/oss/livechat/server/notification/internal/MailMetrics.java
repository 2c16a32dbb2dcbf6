package id.oss.livechat.server.notification.internal;

import id.oss.livechat.server.notification.Mail;
import id.oss.livechat.server.notification.MailWorker;
import id.oss.livechat.server.system.database.Sql;
import id.oss.livechat.server.system.metrics.RefreshedGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.r2dbc.core.DatabaseClient;

/** The mail meters: mails waiting in the outbox (all nodes), and this node's sends and failures. */
public class MailMetrics implements MailWorker.Listener {
    private final MeterRegistry registry;

    public MailMetrics(MeterRegistry registry, RefreshedGauges gauges, DatabaseClient db) {
        this.registry = registry;
        gauges.register(
                "livechat_mails_pending",
                "Mails queued and not yet sent",
                () ->
                        db.sql(
                                        "SELECT count(*) AS n FROM mail_outbox"
                                                + " WHERE status IN ('pending', 'sending')")
                                .map(row -> Sql.number(row, "n"))
                                .one());
    }

    @Override
    public void sent(Mail.Kind kind) {
        Counter.builder("livechat_mails_sent")
                .tag("kind", kind.wire())
                .register(registry)
                .increment();
    }

    @Override
    public void failed(Mail.Kind kind) {
        Counter.builder("livechat_mails_failed")
                .tag("kind", kind.wire())
                .description("Failed attempts to send a mail (it is tried again)")
                .register(registry)
                .increment();
    }
}
