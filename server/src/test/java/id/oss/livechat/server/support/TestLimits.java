package id.oss.livechat.server.support;

import java.util.Map;

/**
 * The per-address limits lifted, for servers the suite talks to from 127.0.0.1: its hundreds of
 * visitors all come from that one address, and would be refused as one office's script would.
 * {@link ServerTest} sets the same values (annotations take constants only). The limits themselves
 * are tested at their defaults on a server of their own ({@link EdgeTest}).
 */
public final class TestLimits {
    private TestLimits() {}

    public static final Map<String, String> LIFTED =
            Map.of(
                    "MAX_VISITOR_SOCKETS_PER_ADDRESS", "1000000",
                    "MAX_STAFF_SOCKETS_PER_ADDRESS", "1000000",
                    "RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000",
                    "RATE_LIMIT_STARTS_BURST", "1000000",
                    "RATE_LIMIT_STARTS_PER_HOUR", "1000000",
                    "RATE_LIMIT_LOGINS_PER_MINUTE", "1000000",
                    "RATE_LIMIT_SOCKET_OPENS_PER_MINUTE", "1000000",
                    "MAX_WAITING_PER_ADDRESS", "1000000",
                    "MAX_WAITING_PER_DEPARTMENT", "1000000");

    /** The same as {@code --NAME=value} arguments. */
    public static String[] asArguments() {
        return LIFTED.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
