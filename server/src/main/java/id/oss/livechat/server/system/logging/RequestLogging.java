package id.oss.livechat.server.system.logging;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Wraps the whole HTTP handler, outside Spring's own request logging and the security filters, so
 * that the lines of a request have its id: the id is in the MDC while the handler is called, and in
 * the Reactor context, from which the MDC follows the work onto other threads when logging is at
 * debug ({@link LoggingConfiguration}); lines the request writes itself set it ({@link
 * RequestIds#logWith}). Answers carry it as {@code X-Request-Id}. One access line per request at
 * the end (method, path without the query, status, time): never headers, query strings or bodies,
 * which may hold tokens.
 */
public class RequestLogging implements HttpHandlerDecoratorFactory {
    private static final Logger access = LoggerFactory.getLogger("id.oss.livechat.access");

    @Override
    public HttpHandler apply(HttpHandler delegate) {
        return (request, response) -> handle(delegate, request, response);
    }

    private static Mono<Void> handle(
            HttpHandler delegate, ServerHttpRequest request, ServerHttpResponse response) {
        String id = RequestIds.accept(request.getHeaders().getFirst(RequestIds.HEADER));
        response.getHeaders().set(RequestIds.HEADER, id);
        long start = System.nanoTime();
        String previous = MDC.get(RequestIds.KEY);
        MDC.put(RequestIds.KEY, id);
        try {
            return delegate.handle(request, response)
                    .doFinally(signal -> logAccess(id, request, response, start))
                    .contextWrite(Context.of(RequestIds.KEY, id));
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.KEY);
            } else {
                MDC.put(RequestIds.KEY, previous);
            }
        }
    }

    private static void logAccess(
            String id, ServerHttpRequest request, ServerHttpResponse response, long start) {
        String path = request.getPath().value();
        // probes every few seconds would drown the rest: they log at debug
        boolean probe = path.startsWith("/health") || path.equals("/metrics");
        if (probe ? !access.isDebugEnabled() : !access.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = response.getStatusCode();
        String line =
                request.getMethod()
                        + " "
                        + path
                        + " "
                        + (status == null ? "-" : status.value())
                        + " "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                        + "ms";
        RequestIds.logWith(
                id,
                () -> {
                    if (probe) {
                        access.debug(line);
                    } else {
                        access.info(line);
                    }
                });
    }
}
