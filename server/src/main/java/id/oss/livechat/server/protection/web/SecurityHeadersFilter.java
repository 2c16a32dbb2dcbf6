package id.oss.livechat.server.protection.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every answer tells the browser: never guess a content type, send no referrer, never frame
 * us. The demo portal, our one page, may load scripts, styles and connections from its own origin
 * only (no inline script or style at all); JSON and every other answer may load nothing. The
 * widget's files may be loaded by portals on other origins, including ones that isolate themselves
 * (Cross-Origin-Embedder-Policy).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeadersFilter implements WebFilter {
    /**
     * The demo portal: its own files and its own server's API and sockets, nothing inline. {@code
     * blob:} images are the widget's thumbnails of chat pictures, fetched with the visitor token.
     */
    public static final String PAGE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                    + " font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none';"
                    + " object-src 'none'; frame-ancestors 'none'";

    /** Anything else (JSON, YAML, metrics): nothing to load, nothing to run, never framed. */
    public static final String API_POLICY =
            "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (path.startsWith("/widget/")) {
            // a script and a style sheet for other sites' pages: their CSP applies, not ours
            headers.set("Cross-Origin-Resource-Policy", "cross-origin");
        } else {
            headers.set("Content-Security-Policy", path.equals("/") ? PAGE_POLICY : API_POLICY);
            headers.set("X-Frame-Options", "DENY");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
        }
        return chain.filter(exchange);
    }
}
