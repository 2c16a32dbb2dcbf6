package id.oss.livechat.server.system.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionModeSwitchTest {

    private static String demoAfter(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        new ProductionModeSwitch().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("LIVECHAT_DEMO");
    }

    @Test
    void ginModeReleaseMeansProductionUnlessDemoIsAskedFor() {
        assertThat(demoAfter(Map.of("GIN_MODE", "release"))).isEqualTo("false");
        assertThat(demoAfter(Map.of("GIN_MODE", "release", "LIVECHAT_DEMO", "true")))
                .isEqualTo("true");
        assertThat(demoAfter(Map.of("GIN_MODE", "debug"))).isNull();
        assertThat(demoAfter(Map.of())).isNull();
    }
}
