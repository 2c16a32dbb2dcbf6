package id.oss.livechat.server.realtime;

import id.oss.livechat.model.realtime.MessageAck;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.session.SessionRepository;
import id.oss.livechat.server.session.VisitorAccess;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** A visitor's messages over REST, proven by the session's visitor token. */
public class VisitorMessages {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final VisitorAccess access;
    private final ChatMessaging messaging;
    private final MessageStore store;
    private final SessionRepository sessions;

    public VisitorMessages(
            VisitorAccess access,
            ChatMessaging messaging,
            MessageStore store,
            SessionRepository sessions) {
        this.access = access;
        this.messaging = messaging;
        this.store = store;
        this.sessions = sessions;
    }

    public Mono<MessageAck> send(UUID sessionId, String token, String clientMsgId, String text) {
        return access.authorize(sessionId, token)
                .flatMap(
                        session ->
                                messaging.sendAsVisitor(
                                        session.id(), sessionId, clientMsgId, text));
    }

    public Mono<MessagePage> read(UUID sessionId, String token, long afterSeq, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        FieldCheck.of()
                .rule(size >= 1 && size <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
                .rule(afterSeq >= 0, "after_seq", "must not be negative")
                .orThrow();
        return access.authorize(sessionId, token)
                .flatMap(
                        session ->
                                sessions.touchVisitor(sessionId)
                                        .then(
                                                store.visibleToVisitorAfter(
                                                                sessionId, afterSeq, size + 1)
                                                        .collectList())
                                        .map(
                                                found -> {
                                                    boolean more = found.size() > size;
                                                    return new MessagePage(
                                                            sessionId,
                                                            more ? found.subList(0, size) : found,
                                                            more,
                                                            session.lastSeq());
                                                }));
    }
}
