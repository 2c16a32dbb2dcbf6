package id.oss.livechat.server.realtime;

import id.oss.livechat.server.common.Staff;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who is on the other end of a socket, once its {@code auth} frame was accepted. */
public sealed interface Principal {

    /** A visitor, bound to the one session its token proves. */
    record Visitor(UUID sessionId, String displayName) implements Principal {}

    /**
     * A staff member, with the departments whose queues it sees, and when its token expires: the
     * socket ends then (4401 {@code token_expired}).
     */
    record StaffMember(Staff staff, List<UUID> departmentIds, Instant tokenExpiresAt)
            implements Principal {
        public StaffMember(Staff staff, List<UUID> departmentIds) {
            this(staff, departmentIds, null);
        }
    }
}
