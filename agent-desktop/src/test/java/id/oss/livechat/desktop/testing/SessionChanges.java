package id.oss.livechat.desktop.testing;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.Contact;
import java.time.Instant;

/** A session as it changes on the server, and the frame that tells the desk. */
public final class SessionChanges {
    private final StaffSession base;
    private SessionStatus status;
    private AgentRef agent;
    private Contact contact;
    private Instant answerBy;
    private String closeReason;

    private SessionChanges(StaffSession base) {
        this.base = base;
        this.status = base.status();
        this.agent = base.agent();
        this.contact = base.contact();
        this.answerBy = base.answerBy();
        this.closeReason = base.closeReason();
    }

    public static SessionChanges of(StaffSession base) {
        return new SessionChanges(base);
    }

    public SessionChanges status(SessionStatus next) {
        status = next;
        return this;
    }

    public SessionChanges agent(StaffProfile next) {
        agent = next == null ? null : new AgentRef(next.id(), next.displayName());
        return this;
    }

    public SessionChanges contact(Contact next) {
        contact = next;
        return this;
    }

    public SessionChanges answerBy(Instant next) {
        answerBy = next;
        return this;
    }

    public SessionChanges closed(String reason) {
        status = SessionStatus.CLOSED;
        closeReason = reason;
        return this;
    }

    public StaffSession session() {
        StaffSession s = base;
        return new StaffSession(
                s.sessionId(),
                s.chatUserId(),
                status,
                s.topic(),
                s.priority(),
                s.department(),
                agent,
                contact,
                s.verified(),
                s.ossUserId(),
                s.visitorEmail(),
                s.startedAt(),
                s.queuedAt(),
                s.assignedAt(),
                status == SessionStatus.CLOSED ? DemoData.NOW : null,
                closeReason,
                s.lastSeq(),
                s.unread(),
                null,
                s.lastMessage(),
                s.topicCode(),
                s.leftMessage(),
                s.leftMessageAt(),
                answerBy);
    }

    /** The {@code session.updated} a staff socket gets. */
    public ServerFrame.SessionUpdated frame() {
        StaffSession s = session();
        return new ServerFrame.SessionUpdated(s.sessionId(), s.status(), agent, closeReason, s);
    }
}
