package id.oss.livechat.desktop.chat;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.staff.StaffSession;

/** Small readings of a session that several screens share. */
public final class Sessions {
    private Sessions() {}

    /** What the agent calls a chat: the contact's name, else the topic. */
    public static String title(StaffSession session) {
        if (session.contact() != null
                && session.contact().contactName() != null
                && !session.contact().contactName().isBlank()) {
            return session.contact().contactName();
        }
        return session.topic() == null ? "" : session.topic();
    }

    /** The session as closed, for a {@code session.updated} that came without the whole session. */
    static StaffSession closed(StaffSession s, String closeReason) {
        return new StaffSession(
                s.sessionId(),
                s.chatUserId(),
                SessionStatus.CLOSED,
                s.topic(),
                s.priority(),
                s.department(),
                s.agent(),
                s.contact(),
                s.verified(),
                s.ossUserId(),
                s.visitorEmail(),
                s.startedAt(),
                s.queuedAt(),
                s.assignedAt(),
                s.endedAt(),
                closeReason,
                s.lastSeq(),
                s.unread(),
                s.queuePosition(),
                s.lastMessage());
    }
}
