package id.oss.livechat.server.realtime;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.message.Messaging;
import id.oss.livechat.server.session.SessionOverview;
import id.oss.livechat.server.session.StaffSessionWire;
import id.oss.livechat.server.session.StaffSessions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Takes every chat event this node receives from the bus and hands it to the sockets this node
 * holds that must see it. Dispatching only queues work on the connections; anything that reads the
 * database runs inside the connection's own queue, off the bus's thread.
 */
public class DeliveryDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final ConnectionRegistry registry;
    private final ChatEventBus bus;
    private final Messaging messaging;
    private final StaffSessions sessions;
    private final QueueBroadcaster queue;
    private Disposable subscription;

    public DeliveryDispatcher(
            ConnectionRegistry registry,
            ChatEventBus bus,
            Messaging messaging,
            StaffSessions sessions,
            QueueBroadcaster queue) {
        this.registry = registry;
        this.bus = bus;
        this.messaging = messaging;
        this.sessions = sessions;
        this.queue = queue;
    }

    public void start() {
        subscription =
                bus.events()
                        .doOnNext(
                                event -> {
                                    try {
                                        dispatch(event);
                                    } catch (RuntimeException e) {
                                        log.warn("Could not dispatch {}", event, e);
                                    }
                                })
                        .subscribe();
    }

    public void stop() {
        if (subscription != null) {
            subscription.dispose();
        }
    }

    void dispatch(ChatEvent event) {
        event.accept(deliveries);
    }

    /** Who gets what for each kind of event; the compiler checks every kind is here. */
    private final ChatEvent.Handler<Void> deliveries =
            new ChatEvent.Handler<>() {
                @Override
                public Void messageStored(ChatEvent.MessageStored stored) {
                    ChatMessage message = stored.message();
                    recipients(message.sessionId())
                            .forEach(c -> c.deliver(message, messaging::between));
                    return null;
                }

                @Override
                public Void typing(ChatEvent.Typing typing) {
                    ServerFrame frame =
                            new ServerFrame.Typing(
                                    typing.sessionId(), typing.sender(), typing.typing());
                    otherSide(typing.sessionId(), typing.sender().type())
                            .forEach(c -> c.send(frame));
                    return null;
                }

                @Override
                public Void readUpTo(ChatEvent.ReadUpTo read) {
                    ServerFrame frame =
                            new ServerFrame.Read(read.sessionId(), read.reader(), read.upToSeq());
                    otherSide(read.sessionId(), read.reader()).forEach(c -> c.send(frame));
                    return null;
                }

                @Override
                public Void sessionChanged(ChatEvent.SessionChanged changed) {
                    DeliveryDispatcher.this.sessionChanged(changed);
                    return null;
                }

                @Override
                public Void visitorChanged(ChatEvent.VisitorChanged changed) {
                    DeliveryDispatcher.this.visitorChanged(changed);
                    return null;
                }

                @Override
                public Void queueChanged(ChatEvent.QueueChanged changed) {
                    queue.refreshSoon();
                    return null;
                }

                @Override
                public Void presenceChanged(ChatEvent.PresenceChanged presence) {
                    ServerFrame frame =
                            new ServerFrame.Presence(
                                    presence.agentId(), presence.displayName(), presence.status());
                    registry.allStaff().forEach(c -> c.send(frame));
                    // who is online changes every expected wait
                    queue.refreshSoon();
                    return null;
                }

                @Override
                public Void accessRevoked(ChatEvent.AccessRevoked revoked) {
                    // the member's tokens are no good any more: its sockets on this node end,
                    // with a reason the desktop shows on its sign-in window
                    List.copyOf(registry.staffMember(revoked.staffId()))
                            .forEach(
                                    c ->
                                            c.closeWith(
                                                    FrameTypes.CLOSE_UNAUTHORIZED,
                                                    revoked.reason()));
                    return null;
                }
            };

    private Stream<ClientConnection> recipients(UUID sessionId) {
        return Stream.concat(
                registry.visitorsOf(sessionId).stream(), registry.staffFollowing(sessionId));
    }

    private Stream<ClientConnection> otherSide(UUID sessionId, SenderType from) {
        return from == SenderType.VISITOR
                ? registry.staffFollowing(sessionId)
                : registry.visitorsOf(sessionId).stream();
    }

    /**
     * Assigned, transferred, requeued or closed. The new agent's sockets start following the
     * session and get its conversation so far; the previous agent's let go; visitors learn the
     * agent's name; everyone's queue view refreshes.
     */
    private void sessionChanged(ChatEvent.SessionChanged changed) {
        UUID sessionId = changed.sessionId();
        Mono<SessionOverview> view = sessions.overview(sessionId).cache();

        for (ClientConnection visitor : registry.visitorsOf(sessionId)) {
            visitor.enqueue(
                    view.doOnNext(
                                    s ->
                                            visitor.emit(
                                                    new ServerFrame.SessionUpdated(
                                                            sessionId,
                                                            s.status(),
                                                            StaffSessionWire.agentForVisitor(s),
                                                            s.closeReason(),
                                                            null)))
                            .then());
        }
        Stream<ClientConnection> staff =
                Stream.of(
                                changed.agentId() == null
                                        ? Stream.<ClientConnection>empty()
                                        : registry.staffMember(changed.agentId()).stream(),
                                changed.previousAgentId() == null
                                        ? Stream.<ClientConnection>empty()
                                        : registry.staffMember(changed.previousAgentId()).stream(),
                                registry.overseers().stream())
                        .flatMap(s -> s)
                        .distinct();
        if (log.isDebugEnabled()) {
            log.debug(
                    "Session {} now {} with {}: {} of the agent's sockets here",
                    sessionId,
                    changed.status(),
                    changed.agentId(),
                    changed.agentId() == null ? 0 : registry.staffMember(changed.agentId()).size());
        }
        staff.forEach(
                c -> {
                    boolean isNewAgent =
                            changed.status() == SessionStatus.ACTIVE
                                    && isStaff(c, changed.agentId())
                                    && !c.isAttached(sessionId);
                    c.enqueue(
                            view.doOnNext(
                                            s ->
                                                    c.emit(
                                                            new ServerFrame.SessionUpdated(
                                                                    sessionId,
                                                                    s.status(),
                                                                    StaffSessionWire.agentOf(s),
                                                                    s.closeReason(),
                                                                    StaffSessionWire.of(s))))
                                    .then());
                    if (isNewAgent) {
                        // the chat is now this agent's: it follows the session and sees everything
                        // said so far
                        c.resume(
                                sessionId,
                                0,
                                after -> messaging.replay(sessionId, after),
                                view.map(SessionOverview::lastSeq));
                    } else if (isStaff(c, changed.previousAgentId())
                            && !isStaff(c, changed.agentId())
                            && !isOverseer(c)) {
                        c.detach(sessionId);
                    }
                    if (changed.status() == SessionStatus.CLOSED) {
                        // nothing more is said in a closed chat: its sockets let go of it once
                        // they have told their desk, or a shift's sockets would follow every chat
                        // they ever had (an agent's desk keeps the closed chat on screen itself)
                        c.enqueue(Mono.fromRunnable(() -> c.detach(sessionId)));
                    }
                });
        if (changed.status() == SessionStatus.WAITING || changed.status() == SessionStatus.CLOSED) {
            queue.refreshSoon();
        }
    }

    /**
     * The visitor gave or corrected contact details, or logged in: the staff sockets following the
     * session, and its agent's (which may not follow it yet, just assigned), get the whole session
     * again, each read when its turn comes so no older state overtakes a newer one; queue views
     * show names too.
     */
    private void visitorChanged(ChatEvent.VisitorChanged changed) {
        UUID sessionId = changed.sessionId();
        Stream<ClientConnection> agent =
                changed.agentId() == null
                        ? Stream.empty()
                        : registry.staffMember(changed.agentId()).stream();
        Stream.concat(agent, registry.staffFollowing(sessionId))
                .distinct()
                .forEach(
                        c ->
                                c.enqueue(
                                        sessions.overview(sessionId)
                                                .doOnNext(
                                                        s ->
                                                                c.emit(
                                                                        new ServerFrame
                                                                                .SessionUpdated(
                                                                                sessionId,
                                                                                s.status(),
                                                                                StaffSessionWire
                                                                                        .agentOf(s),
                                                                                s.closeReason(),
                                                                                StaffSessionWire.of(
                                                                                        s))))
                                                .then()));
        queue.refreshSoon();
    }

    private static boolean isStaff(ClientConnection c, UUID staffId) {
        return staffId != null
                && c.principal() instanceof Principal.StaffMember m
                && m.staff().id().equals(staffId);
    }

    private static boolean isOverseer(ClientConnection c) {
        return c.principal() instanceof Principal.StaffMember m && m.staff().overseesAllChats();
    }
}
