package id.oss.livechat.server.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.oss.livechat.server.system.logging.RequestIds;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that fails unexpectedly answers 500 and leaves one error line for operators, with the
 * request's id (the {@code X-Request-Id} its caller got back) to find it by, whichever thread the
 * failure surfaced on: at the default log level the MDC does not follow a request across threads.
 */
class UnexpectedFailureLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiErrorHandler.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void theErrorLineOfA500CarriesTheRequestsIdOnAnotherThread() throws Exception {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/api/oss-chat/start"));
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, "req-4711-abcd");
        ApiErrorHandler handler =
                new ApiErrorHandler(JsonMapper.builder().build(), new NodeStopping());

        // a thread that never had the request's id in its MDC, like the database driver's
        CompletableFuture.runAsync(
                        () -> {
                            MDC.clear();
                            handler.handle(exchange, new IllegalStateException("pool closed"))
                                    .block();
                        })
                .get();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(lines.list)
                .singleElement()
                .satisfies(
                        line -> {
                            assertThat(line.getFormattedMessage())
                                    .isEqualTo("Unexpected failure on POST /api/oss-chat/start");
                            assertThat(line.getMDCPropertyMap())
                                    .containsEntry(RequestIds.KEY, "req-4711-abcd");
                        });
        assertThat(MDC.get(RequestIds.KEY)).isNull();
    }
}
