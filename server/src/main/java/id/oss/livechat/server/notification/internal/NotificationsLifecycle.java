package id.oss.livechat.server.notification.internal;

import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.notification.MailWorker;
import id.oss.livechat.server.notification.Notifications;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queues mails for what happens on this node, and (when a mail service is configured) runs the
 * worker that sends the outbox every poll interval.
 */
public class NotificationsLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationsLifecycle.class);

    private final ChatEventBus bus;
    private final Notifications notifications;
    private final MailWorker worker;
    private final Duration pollInterval;
    private volatile Disposable listening;
    private volatile Disposable sending;

    /**
     * @param worker null when no mail service is configured: mail waits in the outbox
     */
    public NotificationsLifecycle(
            ChatEventBus bus,
            Notifications notifications,
            MailWorker worker,
            Duration pollInterval) {
        this.bus = bus;
        this.notifications = notifications;
        this.worker = worker;
        this.pollInterval = pollInterval;
    }

    @Override
    public void start() {
        listening =
                bus.localEvents()
                        .concatMap(
                                event ->
                                        notifications
                                                .on(event)
                                                .onErrorResume(
                                                        e -> {
                                                            log.warn(
                                                                    "Could not queue mail for {}",
                                                                    event.getClass()
                                                                            .getSimpleName(),
                                                                    e);
                                                            return Mono.empty();
                                                        }),
                                256)
                        .subscribe();
        if (worker == null) {
            log.info(
                    "No SMTP_HOST or SENDGRID_API_KEY: mails are queued in mail_outbox and sent once one is configured");
            return;
        }
        sending =
                Flux.interval(pollInterval, pollInterval)
                        .onBackpressureDrop()
                        .concatMap(
                                tick ->
                                        worker.runOnce()
                                                .onErrorResume(
                                                        e -> {
                                                            log.warn(
                                                                    "Mail round failed; trying again in {}",
                                                                    pollInterval,
                                                                    e);
                                                            return Mono.empty();
                                                        }),
                                1)
                        .subscribe();
    }

    @Override
    public void stop() {
        if (listening != null) {
            listening.dispose();
        }
        if (sending != null) {
            sending.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
