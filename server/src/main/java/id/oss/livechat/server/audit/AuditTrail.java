package id.oss.livechat.server.audit;

import id.oss.livechat.server.common.Staff;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The port every feature writes the audit trail through: one call per staff action on personal data
 * or on access. The caller's network address is not passed: the web edge puts it into the Reactor
 * context ({@link #ADDRESS}) and the trail reads it from there, so use cases need not know about
 * requests. An entry names ids (a session, a visitor row), never the personal data itself.
 */
public interface AuditTrail {
    /** The Reactor context key of the caller's address. */
    String ADDRESS = id.oss.livechat.server.common.CallerAddress.KEY;

    /** Who acted: a staff member, someone who failed to sign in, or the server itself. */
    record Actor(String name, UUID id) {
        public static final Actor SYSTEM = new Actor("system", null);

        public static Actor of(Staff staff) {
            return new Actor(staff.username(), staff.id());
        }

        /** A sign-in attempt under a name that may not exist: the name only, cut to fit. */
        public static Actor attempt(String username) {
            String name = username == null || username.isBlank() ? "(none)" : username.strip();
            return new Actor(name.length() > 64 ? name.substring(0, 64) : name, null);
        }
    }

    /** Appends one entry; completes once it is stored. */
    Mono<Void> record(Actor actor, String action, String subject, String detail);

    default Mono<Void> record(Staff staff, String action, String subject, String detail) {
        return record(Actor.of(staff), action, subject, detail);
    }

    /** An entry after {@code work} succeeds, passing its value on. */
    default <T> Mono<T> after(
            Mono<T> work,
            Staff staff,
            String action,
            java.util.function.Function<T, String> subject) {
        return work.flatMap(
                value -> record(staff, action, subject.apply(value), null).thenReturn(value));
    }
}
