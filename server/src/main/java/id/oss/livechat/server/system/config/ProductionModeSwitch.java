package id.oss.livechat.server.system.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The seed's {@code GIN_MODE=release} (Gin's production switch) means production here too: demo
 * mode off, so the production rules for secrets apply, unless {@code LIVECHAT_DEMO} says otherwise
 * explicitly. Any other value changes nothing.
 */
public class GinModeEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        if ("release".equalsIgnoreCase(environment.getProperty("GIN_MODE", "").strip())
                && environment.getProperty("LIVECHAT_DEMO") == null) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("ginMode", Map.of("LIVECHAT_DEMO", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
