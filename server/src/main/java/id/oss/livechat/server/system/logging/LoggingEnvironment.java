package id.oss.livechat.server.system.logging;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT} picks the log format: {@code text} (the default, one human-readable line per
 * event) or {@code json} (one JSON object per line, Logstash field names, MDC entries such as
 * {@code request_id} as fields). It runs before logging is configured, so the very first line
 * already has the chosen format. {@code LOG_LEVEL} is mapped in application.yml.
 */
public class LoggingEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE_NAME = "livechatLogFormat";

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty("LOG_FORMAT", "text").strip();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json" ->
                    environment
                            .getPropertySources()
                            .addFirst(
                                    new MapPropertySource(
                                            SOURCE_NAME,
                                            Map.of(
                                                    "logging.structured.format.console",
                                                    "logstash")));
            case "text", "" -> {}
            default ->
                    throw new IllegalStateException(
                            "LOG_FORMAT must be json or text, not '" + format + "'");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
