package id.oss.livechat.server.system.logging;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    // whether the id also goes into the Reactor context, from which context propagation copies it
    // into the MDC on other threads (only when that is on: at debug, see LoggingConfiguration)
    private final boolean acrossThreads;

    public RequestLogging(boolean acrossThreads) {
        this.acrossThreads = acrossThreads;
    }

    @Override
    public HttpHandler apply(HttpHandler delegate) {
        return (request, response) -> handle(delegate, request, response);
    }

    private Mono<Void> handle(
            HttpHandler delegate, ServerHttpRequest request, ServerHttpResponse response) {
        String id = RequestIds.accept(request.getHeaders().getFirst(RequestIds.HEADER));
        response.getHeaders().set(RequestIds.HEADER, id);
        long start = System.nanoTime();
        // Spring's first lines of the exchange are written while the handler is assembled
        Mono<Void> handled =
                RequestIds.withId(id, () -> delegate.handle(request, response))
                        .doFinally(signal -> logAccess(id, request, response, start));
        return acrossThreads ? handled.contextWrite(Context.of(RequestIds.KEY, id)) : handled;
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
