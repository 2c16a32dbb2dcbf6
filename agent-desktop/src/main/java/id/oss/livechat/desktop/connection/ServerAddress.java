package id.oss.livechat.desktop.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The server as the user typed it ("localhost:8080" is enough), and its REST and socket URLs. */
public record ServerAddress(URI base) {

    /**
     * Reads what the user typed; empty when it is not an http(s) address. A bare host name means
     * {@code https://}: passwords must not cross the network in clear. Only this computer
     * (localhost, 127.x, ::1) is {@code http://} by default.
     */
    public static Optional<ServerAddress> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (!text.contains("://")) {
            text = (isLoopback(hostOf(text)) ? "http://" : "https://") + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return Optional.of(
                    new ServerAddress(
                            new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a password sent to this server would cross the network readable by anyone on the way:
     * plain http to another computer.
     */
    public boolean sendsPasswordsInClear() {
        return base.getScheme().equals("http") && !isLoopback(base.getHost());
    }

    private static String hostOf(String withoutScheme) {
        try {
            return new URI("http://" + withoutScheme).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.startsWith("127.")
                || h.equals("[::1]")
                || h.equals("::1");
    }

    /** A REST path such as {@code /api/chat/waiting}, below the server's base. */
    public URI rest(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** {@code ws://HOST/ws/agent} (wss for an https server). */
    public URI agentSocket() {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(
                scheme + base.toString().substring(base.getScheme().length()) + "/ws/agent");
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
