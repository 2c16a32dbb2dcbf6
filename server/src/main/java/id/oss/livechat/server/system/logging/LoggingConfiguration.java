package id.oss.livechat.server.system.logging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Hooks;

/** Request ids on every log line of a request (see {@link RequestLogging}). */
@Configuration(proxyBeanMethods = false)
public class LoggingConfiguration {

    @Bean
    RequestLogging requestLogging() {
        RequestIds.registerWithContextPropagation();
        // thread locals (the MDC) follow the Reactor context across threads
        Hooks.enableAutomaticContextPropagation();
        return new RequestLogging();
    }
}
