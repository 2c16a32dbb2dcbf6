package id.oss.livechat.server.system.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Hooks;

/** Request ids on the log lines of a request (see {@link RequestLogging}). */
@Configuration(proxyBeanMethods = false)
public class LoggingConfiguration {

    @Bean
    RequestLogging requestLogging() {
        boolean acrossThreads = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME).isDebugEnabled();
        if (acrossThreads) {
            // at debug, Spring's and the database driver's lines of a request are written on
            // whichever thread does its work: the MDC follows the Reactor context there. It costs
            // about 40 % of the server's CPU per chat message (every operator saves and restores
            // thread locals), so only when those lines are printed at all; at info, the lines a
            // request writes itself set its id (RequestIds.logWith)
            RequestIds.registerWithContextPropagation();
            Hooks.enableAutomaticContextPropagation();
        }
        return new RequestLogging(acrossThreads);
    }
}
