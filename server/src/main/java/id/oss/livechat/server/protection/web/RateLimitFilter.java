package id.oss.livechat.server.protection.web;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.protection.RateLimits;
import id.oss.livechat.server.protection.RateLimits.Kind;
import id.oss.livechat.server.system.web.RequestInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limits on the doors anyone on the internet can knock on: every {@code /api/oss-chat} route
 * and {@code /demo/login} per client address (and, with a visitor token, per session), chat starts
 * per address, the REST message fallback and file uploads per session, staff sign-in per address,
 * chat socket handshakes per address. A refusal is {@code 429 rate_limited} with {@code
 * Retry-After} before the request is read any further.
 *
 * <p>Runs after the security filters, so a refusal carries the CORS headers and the widget on
 * another origin can read it.
 */
@Component
@Order(0)
public class RateLimitFilter implements WebFilter {
    private static final String VISITOR_API = "/api/oss-chat/";
    private static final Pattern REST_MESSAGES =
            Pattern.compile("^/api/oss-chat/session/[^/]+/messages$");
    private static final Pattern UPLOADS =
            Pattern.compile("^/api/oss-chat/session/[^/]+/attachments$");

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    record Check(Kind kind, String key) {}

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<Check> checks = checksFor(request);
        for (Check check : checks) {
            RateLimits.Decision decision = limits.take(check.kind(), check.key());
            if (!decision.allowed()) {
                // read what the client is still sending (a file, at most the upload limit) before
                // answering: a connection closed mid-body gives the client a reset, not the 429
                return request.getBody()
                        .doOnNext(org.springframework.core.io.buffer.DataBufferUtils::release)
                        .then(refuse(check.kind(), decision.retryAfterSeconds()));
            }
        }
        return chain.filter(exchange);
    }

    /** The buckets a request takes a token from, the widest first. */
    static List<Check> checksFor(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (HttpMethod.OPTIONS.equals(method)) {
            return List.of();
        }
        String path = request.getPath().pathWithinApplication().value();
        List<Check> checks = new ArrayList<>(3);
        if (path.startsWith(VISITOR_API) || path.equals("/api/oss-chat")) {
            String address = addressOf(request);
            checks.add(new Check(Kind.ADDRESS_REQUESTS, address));
            if (HttpMethod.POST.equals(method) && path.equals("/api/oss-chat/start")) {
                checks.add(new Check(Kind.ADDRESS_STARTS, address));
            }
            String token = RequestInfo.bearerToken(request);
            if (token != null) {
                checks.add(new Check(Kind.SESSION_REQUESTS, token));
                if (HttpMethod.POST.equals(method) && REST_MESSAGES.matcher(path).matches()) {
                    checks.add(new Check(Kind.SESSION_MESSAGES, token));
                }
                // an upload is up to ATTACHMENT_MAX_BYTES: the session's request budget alone
                // would let one chat push 60 of them a minute
                if (HttpMethod.POST.equals(method) && UPLOADS.matcher(path).matches()) {
                    checks.add(new Check(Kind.SESSION_UPLOADS, token));
                }
            }
        } else if ((HttpMethod.POST.equals(method) && path.equals("/demo/login"))
                || (HttpMethod.GET.equals(method) && path.equals("/demo/case"))) {
            checks.add(new Check(Kind.ADDRESS_REQUESTS, addressOf(request)));
        } else if (HttpMethod.POST.equals(method) && path.equals("/api/auth/login")) {
            checks.add(new Check(Kind.ADDRESS_LOGINS, addressOf(request)));
        } else if (HttpMethod.GET.equals(method)
                && (path.equals("/ws/visitor") || path.equals("/ws/agent"))) {
            checks.add(new Check(Kind.ADDRESS_SOCKET_OPENS, addressOf(request)));
        }
        return checks;
    }

    private static String addressOf(ServerHttpRequest request) {
        String address = RequestInfo.client(request).ipAddress();
        return address == null ? "unknown" : address;
    }

    private static Mono<Void> refuse(Kind kind, long retryAfter) {
        String what =
                switch (kind) {
                    case ADDRESS_REQUESTS -> "Too many requests from your network";
                    case ADDRESS_STARTS -> "Too many chats started from your network";
                    case ADDRESS_LOGINS -> "Too many sign-in attempts from your network";
                    case ADDRESS_SOCKET_OPENS ->
                            "Too many chat connections opened from your network";
                    case SESSION_REQUESTS -> "Too many requests about this chat";
                    case SESSION_MESSAGES -> "Messages are being sent too fast";
                    case SESSION_UPLOADS -> "Too many files sent in this chat";
                };
        return Mono.error(
                Problem.rateLimited(
                        what + "; please try again in " + retryAfter + " s.",
                        Duration.ofSeconds(retryAfter)));
    }
}
