package id.oss.livechat.server.common;

import java.util.function.Function;
import reactor.util.context.Context;

/**
 * The caller's network address in the Reactor context, where the audit trail reads it. The HTTP
 * edge puts it there per request; a socket's frames run in the connection's own queue, outside the
 * handshake's context, so the transport puts the socket's address there for the work it hands on.
 */
public final class CallerAddress {
    /** The context key. */
    public static final String KEY = "livechat.audit.address";

    private CallerAddress() {}

    /** A {@code contextWrite} step that puts {@code address} in; nothing when it is unknown. */
    public static Function<Context, Context> of(String address) {
        return context -> address == null ? context : context.put(KEY, address);
    }
}
