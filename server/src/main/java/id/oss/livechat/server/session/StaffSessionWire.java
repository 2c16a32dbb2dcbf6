package id.oss.livechat.server.session;

import id.oss.livechat.model.staff.SessionList;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.DepartmentRef;
import java.util.List;

/**
 * Sessions as the API writes them for staff ({@code StaffSession}, {@code SessionList}). Called at
 * the edges only: the staff controllers, and the realtime transport for {@code session.updated} and
 * {@code queue.updated}. Use cases and storage speak {@link SessionOverview}.
 */
public final class StaffSessionWire {
    private StaffSessionWire() {}

    public static StaffSession of(SessionOverview s) {
        return new StaffSession(
                s.id(),
                s.chatUserId(),
                s.status(),
                s.topic(),
                s.priority(),
                new DepartmentRef(s.departmentId(), s.departmentCode(), s.departmentName()),
                agentOf(s),
                s.contact(),
                s.verified(),
                s.ossUserId(),
                s.visitorEmail(),
                s.startedAt(),
                s.queuedAt(),
                s.assignedAt(),
                s.endedAt(),
                s.closeReason(),
                s.lastSeq(),
                s.unread(),
                s.queuePosition(),
                s.lastMessage(),
                s.topicCode(),
                s.leftMessageAt() != null,
                s.leftMessageAt(),
                s.answerBy(),
                s.context(),
                s.contextVerified(),
                s.agentReadSeq(),
                s.visitorReadSeq());
    }

    public static List<StaffSession> of(List<SessionOverview> sessions) {
        return sessions.stream().map(StaffSessionWire::of).toList();
    }

    public static SessionList of(SessionPage page) {
        return new SessionList(of(page.sessions()), page.hasMore(), page.nextCursor());
    }

    /** The session's agent with id and name (staff), or null while nobody serves it. */
    public static AgentRef agentOf(SessionOverview s) {
        return s.agentId() == null ? null : new AgentRef(s.agentId(), s.agentName());
    }

    /** The session's agent as its visitor sees it: the name only. */
    public static AgentRef agentForVisitor(SessionOverview s) {
        return s.agentId() == null ? null : new AgentRef(null, s.agentName());
    }
}
