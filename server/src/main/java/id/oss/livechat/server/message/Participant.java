package id.oss.livechat.server.message;

import id.oss.livechat.server.common.Staff;
import java.util.UUID;
import java.util.function.Predicate;

/** Who acts in a chat: a visitor, bound to the one session its token proves, or a staff member. */
public sealed interface Participant {

    record Visitor(UUID sessionId) implements Participant {}

    /**
     * A staff member. {@code follows} names the chats its socket follows already, because the
     * server attached the socket to them (the member's own chats, every chat for an overseer):
     * typing and read marks there need no second look at the session. Over REST it follows none.
     */
    record Member(Staff staff, Predicate<UUID> follows) implements Participant {
        public Member(Staff staff) {
            this(staff, sessionId -> false);
        }
    }
}
