package id.oss.livechat.server.system.web;

import id.oss.livechat.server.common.ClientInfo;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** What the adapters read off a request: the caller's address and its bearer token. */
public final class RequestInfo {
    private static final String BEARER = "Bearer ";

    private RequestInfo() {}

    /**
     * The client's address: the connection's peer, or, when the peer is one of {@code
     * TRUSTED_PROXIES}, the address that proxy names ({@code protection.web.ClientAddressFilter}
     * puts it on the request before anything reads it).
     */
    public static ClientInfo client(ServerHttpRequest request) {
        return new ClientInfo(
                ipOf(request.getRemoteAddress()),
                request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }

    /**
     * The address part of a request's remote address (a WebSocket's handshake carries the one
     * {@code ClientAddressFilter} set), or null when there is none.
     */
    public static String ipOf(InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : remote.getHostString();
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    public static String bearerToken(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
