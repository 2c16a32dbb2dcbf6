package id.oss.livechat.server.session;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.Contact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of sessions and their contacts. */
public interface SessionRepository {
    /**
     * A new waiting session, if its department's queue has room for one more ({@code
     * perDepartment}) and the address's share of all queues too ({@code perAddress}); a refused
     * start writes nothing. One round trip: an anonymous {@link NewSession.Visitor} is stored by
     * the same call, once there is room.
     */
    Mono<StartOutcome> startIfRoom(NewSession session, int perDepartment, int perAddress);

    /** Why a start found no room. */
    enum StartRefusal {
        QUEUE_FULL,
        ADDRESS_FULL
    }

    /** The new session as stored (waiting), or why there was no room for it. */
    record StartOutcome(ChatSession session, StartRefusal refusal) {}

    Mono<ChatSession> findById(UUID id);

    /** The session a visitor token belongs to, if any. */
    Mono<UUID> findIdByTokenHash(byte[] tokenHash);

    /**
     * Stores (or corrects) the session's contact and marks its visitor as seen, in one statement
     * that holds the session's row: {@code consentNotice} (the privacy notice version agreed to, or
     * null) sets when and to which notice the visitor agreed, the first time only. The result names
     * the session's agent as of that statement, so a chat assigned at the same moment is either
     * assigned after the contact is stored (and its assignment reads it) or named here.
     */
    Mono<ContactSaved> saveContact(UUID sessionId, Contact contact, String consentNotice);

    /** When a contact was stored, and the agent of its session then (null while it waits). */
    record ContactSaved(Instant storedAt, UUID agentId) {}

    Mono<SessionDetails> details(UUID sessionId);

    Mono<List<SessionDetails>> history(HistoryQuery query);

    /** Sessions as staff see them; asks for one more than the limit to tell whether more exist. */
    Mono<List<SessionOverview>> overviews(StaffSessionQuery query);

    /** One session as staff see it; empty if there is none. */
    Mono<SessionOverview> overview(UUID sessionId);

    /** These sessions as staff see them (those that exist), in one query, in any order. */
    Flux<SessionOverview> overviewsOf(List<UUID> sessionIds);

    /** Sets a session's priority unless it is closed; empty when it is closed or unknown. */
    Mono<ChatSession> setPriority(UUID sessionId, id.oss.livechat.model.Priority priority);

    /** Whether the agent serves, served, or could take a session of this visitor. */
    Mono<Boolean> agentMaySeeVisitor(UUID agentId, UUID chatUserId);

    /** What closing a session changed: its status before, its department and agent. */
    record Closed(UUID sessionId, SessionStatus previousStatus, UUID departmentId, UUID agentId) {}

    /** Closes the session unless it is closed already (then empty). */
    Mono<Closed> close(UUID sessionId, UUID closedBy, String reason);

    /** Moves an active session to another agent, under that agent's limit. */
    Mono<TransferResult> transferToAgent(UUID sessionId, UUID agentId);

    /** Puts an active session back in the queue of a department (its place kept by age). */
    Mono<Boolean> transferToDepartment(UUID sessionId, UUID departmentId);

    /** A chat that went back to its department's queue. */
    record Returned(UUID sessionId, UUID departmentId) {}

    /**
     * Puts every active chat of the agent back in its department's queue (each keeps its place by
     * age); the agent stays its previous one, so routing offers it to others first.
     */
    Flux<Returned> returnChatsOf(UUID agentId);

    enum TransferResult {
        OK,
        NO_AGENT,
        AGENT_FULL,
        NOT_ACTIVE
    }

    /**
     * The visitor was seen (a request, a socket frame): keeps a waiting session from being
     * abandoned.
     */
    Mono<Void> touchVisitor(UUID sessionId);

    /** The visitors of these sessions are connected: none of them has left the queue. */
    Mono<Void> touchVisitors(List<UUID> sessionIds);

    enum RatingResult {
        OK,
        NOT_CLOSED,
        ALREADY_RATED
    }

    /** Stores the visitor's rating of a closed session, unless it was rated before. */
    Mono<RatingResult> rate(UUID sessionId, int rating, String comment);
}
