package id.oss.livechat.server.system.metrics;

import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.notification.Mail;
import id.oss.livechat.server.notification.MailWorker;
import id.oss.livechat.server.realtime.ConnectionRegistry;
import id.oss.livechat.server.realtime.Principal;
import id.oss.livechat.server.routing.Router;
import id.oss.livechat.server.system.database.Sql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The product's own meters beside the JVM's, under {@code livechat_*}. Counts of the help desk as a
 * whole (waiting, active, agents online, mails pending) come from PostgreSQL every {@code refresh}
 * and are the same on every node; messages, sockets, assignments and mails are this node's.
 */
public class ProductMetrics
        implements SmartLifecycle, Router.AssignmentListener, MailWorker.Listener {
    private final MeterRegistry registry;
    private final DatabaseClient db;
    private final ChatEventBus bus;
    private final Duration refresh;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong agentsOnline = new AtomicLong();
    private final AtomicLong mailsPending = new AtomicLong();
    private final Timer assignmentWait;
    private volatile Disposable counting;
    private volatile Disposable refreshing;

    public ProductMetrics(
            MeterRegistry registry,
            DatabaseClient db,
            ChatEventBus bus,
            ConnectionRegistry connections,
            Duration refresh) {
        this.registry = registry;
        this.db = db;
        this.bus = bus;
        this.refresh = refresh;
        Gauge.builder("livechat_sessions_waiting", waiting, AtomicLong::get)
                .description("Sessions waiting in the queue (all departments)")
                .register(registry);
        Gauge.builder("livechat_sessions_active", active, AtomicLong::get)
                .description("Sessions in progress with an agent")
                .register(registry);
        Gauge.builder("livechat_agents_online", agentsOnline, AtomicLong::get)
                .description("Staff members who take chats and are online")
                .register(registry);
        Gauge.builder("livechat_mails_pending", mailsPending, AtomicLong::get)
                .description("Mails queued and not yet sent")
                .register(registry);
        Gauge.builder(
                        "livechat_websockets_open",
                        connections,
                        c -> count(c, Principal.Visitor.class))
                .tag("kind", "visitor")
                .description("Open chat sockets on this node")
                .register(registry);
        Gauge.builder(
                        "livechat_websockets_open",
                        connections,
                        c -> count(c, Principal.StaffMember.class))
                .tag("kind", "staff")
                .description("Open chat sockets on this node")
                .register(registry);
        this.assignmentWait =
                Timer.builder("livechat_assignment_wait")
                        .description("Time a session waited in the queue until an agent got it")
                        .publishPercentileHistogram()
                        .register(registry);
    }

    private static double count(ConnectionRegistry connections, Class<? extends Principal> kind) {
        return connections.all().stream().filter(c -> kind.isInstance(c.principal())).count();
    }

    @Override
    public void assigned(UUID sessionId, UUID agentId, Duration waited) {
        assignmentWait.record(waited.isNegative() ? Duration.ZERO : waited);
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

    Mono<Void> refreshCounts() {
        return db.sql(
                        """
                SELECT (SELECT count(*) FROM chat_sessions WHERE status = 'waiting') AS waiting,
                       (SELECT count(*) FROM chat_sessions WHERE status = 'active') AS active,
                       (SELECT count(*) FROM users WHERE active AND status = 'online' AND role = 'agent') AS online,
                       (SELECT count(*) FROM mail_outbox WHERE status IN ('pending', 'sending')) AS mails""")
                .map(
                        row -> {
                            waiting.set(Sql.number(row, "waiting"));
                            active.set(Sql.number(row, "active"));
                            agentsOnline.set(Sql.number(row, "online"));
                            mailsPending.set(Sql.number(row, "mails"));
                            return true;
                        })
                .one()
                .then();
    }

    @Override
    public void start() {
        counting =
                bus.localEvents()
                        .filter(
                                event ->
                                        event instanceof ChatEvent.MessageStored stored
                                                && stored.session() != null)
                        .subscribe(
                                event ->
                                        Counter.builder("livechat_messages")
                                                .tag(
                                                        "sender",
                                                        ((ChatEvent.MessageStored) event)
                                                                .message()
                                                                .sender()
                                                                .type()
                                                                .wire())
                                                .description("Messages stored by this node")
                                                .register(registry)
                                                .increment());
        refreshing =
                Flux.interval(Duration.ZERO, refresh)
                        .onBackpressureDrop()
                        .concatMap(tick -> refreshCounts().onErrorResume(e -> Mono.empty()), 1)
                        .subscribe();
    }

    @Override
    public void stop() {
        if (counting != null) {
            counting.dispose();
        }
        if (refreshing != null) {
            refreshing.dispose();
        }
        counting = null;
    }

    @Override
    public boolean isRunning() {
        return counting != null;
    }
}
