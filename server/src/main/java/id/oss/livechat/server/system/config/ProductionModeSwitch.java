package id.oss.livechat.server.system.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The production-mode switch operators already set: {@code GIN_MODE=release} turns demo mode off,
 * so the production rules for secrets apply, unless {@code LIVECHAT_DEMO} says otherwise
 * explicitly. Any other value of {@code GIN_MODE} changes nothing.
 */
public class ProductionModeSwitch implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        if ("release".equalsIgnoreCase(environment.getProperty("GIN_MODE", "").strip())
                && environment.getProperty("LIVECHAT_DEMO") == null) {
            environment
                    .getPropertySources()
                    .addLast(
                            new MapPropertySource(
                                    "productionModeSwitch", Map.of("LIVECHAT_DEMO", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
