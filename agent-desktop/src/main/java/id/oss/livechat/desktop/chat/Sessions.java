package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
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

    /**
     * The session's topic in the agent's language: a topic of the widget's list by its code ({@code
     * topic.<code>} texts), a free-text topic (or a code this app does not know yet) as the server
     * gave it.
     */
    public static String topic(StaffSession session, Localization i18n) {
        if (session.topicCode() != null) {
            String key = "topic." + session.topicCode();
            String named = i18n.text(key);
            if (!named.equals(key)) {
                return named;
            }
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
                s.lastMessage(),
                s.topicCode(),
                s.leftMessage(),
                s.leftMessageAt());
    }
}
