package id.oss.livechat.server.system.web;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.system.config.LiveChatProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Refuses a body that announces itself too large before a byte of it is read. Bodies without a
 * length are held to the same limit by the JSON codec (spring.http.codecs.max-in-memory-size). A
 * file upload ({@code POST …/session/{id}/attachments}) may carry the largest file allowed plus
 * {@link #MULTIPART_FRAMING} for the part's headers and boundaries; the attachment feature holds
 * the file itself to its limit while reading it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter implements WebFilter {
    static final long MULTIPART_FRAMING = 16 * 1024;
    private static final PathPattern UPLOAD =
            PathPatternParser.defaultInstance.parse("/api/{side}/session/{id}/attachments");

    private final long maxBytes;
    private final long maxUploadBytes;

    public BodySizeLimitFilter(LiveChatProperties properties) {
        this.maxBytes = properties.limits().maxBodyBytes();
        this.maxUploadBytes = properties.limits().maxAttachmentBytes() + MULTIPART_FRAMING;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        long maxBytes =
                UPLOAD.matches(exchange.getRequest().getPath().pathWithinApplication())
                        ? maxUploadBytes
                        : this.maxBytes;
        if (length > maxBytes) {
            return Mono.error(
                    new Problem(
                            Problem.Kind.TOO_LARGE,
                            "payload_too_large",
                            "The request body is larger than " + maxBytes + " bytes."));
        }
        return chain.filter(exchange);
    }
}
