package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.staff.StaffSession;

/** Small readings of a session that several screens share. */
public final class Sessions {
    private Sessions() {}

    /** The visitor's name from the contact form, or empty while the visitor gave none. */
    public static String name(StaffSession session) {
        if (session.contact() != null
                && session.contact().contactName() != null
                && !session.contact().contactName().isBlank()) {
            return session.contact().contactName().strip();
        }
        return "";
    }

    /** What the list and the chat's header call the visitor: the name, or "a nameless visitor". */
    public static String title(StaffSession session, Localization i18n) {
        String name = name(session);
        return name.isEmpty() ? i18n.text("contact.noName") : name;
    }

    /** Who a notice is about: "Siti Rahmawati", or "a visitor asking about “Status NIB”". */
    public static String who(StaffSession session, Localization i18n) {
        String name = name(session);
        return name.isEmpty() ? i18n.text("chat.visitorAbout", topic(session, i18n)) : name;
    }

    /**
     * Why a chat ended, in words: the server's codes ({@code resolved}, {@code abandoned}, …) in
     * the agent's language, a reason an agent typed as it was typed.
     */
    public static String closeReason(String reason, Localization i18n) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String key = "closeReason." + reason.strip();
        if (i18n.has(key)) {
            return i18n.text(key);
        }
        // a code this desk does not know yet reads better as words than as a code
        return reason.strip().matches("[a-z0-9]+(_[a-z0-9]+)+")
                ? reason.strip().replace('_', ' ')
                : reason.strip();
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
                s.leftMessageAt(),
                null,
                s.agentReadSeq(),
                s.visitorReadSeq());
    }
}
