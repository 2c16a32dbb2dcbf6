package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
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

    /** The most chats a staff socket follows when it signs in. */
    static final int ACTIVE_CHATS_LIMIT = 1000;

    private final SessionRepository sessions;
    private final StaffRepository staff;
    private final OverviewBatches batches;

    public StaffSessions(SessionRepository sessions, StaffRepository staff) {
        this.sessions = sessions;
        this.staff = staff;
        this.batches = new OverviewBatches(sessions::overviewsOf);
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
                                                page.offset(),
                                                // an agent sees its departments' sessions and its
                                                // own chats of the visitor, not every department's
                                                who.overseesAllChats() ? null : who.id()),
                                        page)
                                : Mono.error(
                                        Problem.forbidden("You serve no chat of this visitor.")));
    }

    // for the server's own decisions and deliveries: no caller to check

    /** The session as stored (status, agent, numbering); empty if there is none. */
    public Mono<ChatSession> find(UUID sessionId) {
        return sessions.findById(sessionId);
    }

    /**
     * The session as staff see it; empty if there is none. Asks made at the same moment (a routing
     * page's assignments) are read together ({@link OverviewBatches}).
     */
    public Mono<SessionOverview> overview(UUID sessionId) {
        return batches.overview(sessionId);
    }

    /** The chats a staff socket follows from its start: an agent its own, an overseer all. */
    public Mono<List<SessionOverview>> activeChatsOf(Staff who) {
        return sessions.overviews(
                new StaffSessionQuery(
                        SessionStatus.ACTIVE,
                        null,
                        who.overseesAllChats() ? null : who.id(),
                        null,
                        ACTIVE_CHATS_LIMIT,
                        0));
    }

    /**
     * The first {@code limit} waiting chats of the given departments ({@code null}: all), in queue
     * order. Filtered in the query, not after it: the first hundred of a busy department must not
     * hide another department's queue from its agents.
     */
    public Mono<List<SessionOverview>> firstWaiting(List<UUID> departmentIds, int limit) {
        return sessions.overviews(
                        new StaffSessionQuery(
                                SessionStatus.WAITING, departmentIds, null, null, limit, 0))
                .map(list -> list.size() > limit ? list.subList(0, limit) : list);
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
