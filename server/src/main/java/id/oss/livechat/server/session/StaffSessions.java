package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.message.MessageStore;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What staff may look at: the queue (an agent sees its departments'), the active chats (an agent
 * its own, a supervisor all), one session, a visitor's earlier sessions, a transcript.
 */
public class StaffSessions {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int TRANSCRIPT_DEFAULT_LIMIT = 100;
    public static final int TRANSCRIPT_MAX_LIMIT = 500;

    private final SessionRepository sessions;
    private final StaffRepository staff;
    private final MessageStore messages;

    public StaffSessions(SessionRepository sessions, StaffRepository staff, MessageStore messages) {
        this.sessions = sessions;
        this.staff = staff;
        this.messages = messages;
    }

    /** A page request: {@code cursor} is the offset a previous page handed out. */
    public record Page(Integer limit, String cursor) {
        int size() {
            return limit == null ? DEFAULT_LIMIT : limit;
        }

        int offset() {
            if (cursor == null || cursor.isBlank()) {
                return 0;
            }
            try {
                int offset = Integer.parseInt(cursor);
                if (offset < 0) {
                    throw new NumberFormatException();
                }
                return offset;
            } catch (NumberFormatException e) {
                throw Problem.invalidField("cursor", "is not a cursor this server gave out");
            }
        }

        void check() {
            FieldCheck.of()
                    .rule(
                            size() >= 1 && size() <= MAX_LIMIT,
                            "limit",
                            "must be between 1 and " + MAX_LIMIT)
                    .orThrow();
            offset();
        }
    }

    public Mono<SessionPage> waiting(Staff who, UUID departmentId, Page page) {
        page.check();
        if (who.overseesAllChats()) {
            return list(waitingIn(departmentId == null ? null : List.of(departmentId), page), page);
        }
        return staff.findById(who.id())
                .map(StaffAccount::departmentIds)
                .flatMap(
                        mine ->
                                list(
                                        waitingIn(
                                                departmentId == null
                                                        ? mine
                                                        : mine.contains(departmentId)
                                                                ? List.of(departmentId)
                                                                : List.of(),
                                                page),
                                        page));
    }

    public Mono<SessionPage> active(Staff who, UUID agentId, Page page) {
        page.check();
        UUID agent = who.overseesAllChats() ? agentId : who.id();
        return list(
                new StaffSessionQuery(
                        SessionStatus.ACTIVE, null, agent, null, page.size(), page.offset()),
                page);
    }

    public Mono<SessionOverview> get(Staff who, UUID sessionId) {
        return sessions.overview(sessionId)
                .switchIfEmpty(Mono.error(Problem.notFound("The session")))
                .flatMap(session -> mayOpen(who, session).thenReturn(session));
    }

    /** A session as it stands after a handover the caller was allowed to make. */
    public Mono<SessionOverview> getAfterHandover(UUID sessionId) {
        return sessions.overview(sessionId)
                .switchIfEmpty(Mono.error(Problem.notFound("The session")));
    }

    /** A visitor's sessions, newest first: the context an agent needs beside a chat. */
    public Mono<SessionPage> ofVisitor(Staff who, UUID chatUserId, Page page) {
        page.check();
        Mono<Boolean> allowed =
                who.overseesAllChats()
                        ? Mono.just(true)
                        : sessions.agentMaySeeVisitor(who.id(), chatUserId);
        return allowed.flatMap(
                ok ->
                        ok
                                ? list(
                                        new StaffSessionQuery(
                                                null,
                                                null,
                                                null,
                                                chatUserId,
                                                page.size(),
                                                page.offset()),
                                        page)
                                : Mono.error(
                                        Problem.forbidden("You serve no chat of this visitor.")));
    }

    public Mono<MessagePage> transcript(Staff who, UUID sessionId, long afterSeq, Integer limit) {
        int size = limit == null ? TRANSCRIPT_DEFAULT_LIMIT : limit;
        FieldCheck.of()
                .rule(
                        size >= 1 && size <= TRANSCRIPT_MAX_LIMIT,
                        "limit",
                        "must be between 1 and " + TRANSCRIPT_MAX_LIMIT)
                .rule(afterSeq >= 0, "after_seq", "must not be negative")
                .orThrow();
        return get(who, sessionId)
                .flatMap(
                        session ->
                                messages.after(sessionId, afterSeq, size + 1)
                                        .collectList()
                                        .map(
                                                found -> {
                                                    boolean more = found.size() > size;
                                                    var shown =
                                                            more ? found.subList(0, size) : found;
                                                    return new MessagePage(
                                                            sessionId,
                                                            shown,
                                                            more,
                                                            session.lastSeq());
                                                }));
    }

    /** An agent may open sessions of its departments and those it serves or served. */
    Mono<Void> mayOpen(Staff who, SessionOverview session) {
        if (who.overseesAllChats() || session.servedBy(who.id())) {
            return Mono.empty();
        }
        return staff.findById(who.id())
                .filter(me -> me.belongsTo(session.departmentId()))
                .switchIfEmpty(
                        Mono.error(
                                Problem.forbidden(
                                        "This chat belongs to another agent's department.")))
                .then();
    }

    private static StaffSessionQuery waitingIn(List<UUID> departments, Page page) {
        return new StaffSessionQuery(
                SessionStatus.WAITING, departments, null, null, page.size(), page.offset());
    }

    private Mono<SessionPage> list(StaffSessionQuery query, Page page) {
        return sessions.overviews(query)
                .map(
                        found -> {
                            boolean more = found.size() > query.limit();
                            return new SessionPage(
                                    more ? found.subList(0, query.limit()) : found,
                                    more,
                                    more ? String.valueOf(page.offset() + query.limit()) : null);
                        });
    }
}
