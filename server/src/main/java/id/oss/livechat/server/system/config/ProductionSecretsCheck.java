package id.oss.livechat.server.system.config;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production mode is demo mode off: an external database ({@code DB_HOST}) without {@code
 * LIVECHAT_DEMO=true}, or {@code LIVECHAT_DEMO=false}. There the server refuses to start, with one
 * log line, when {@code JWT_SECRET} or {@code OSS_IDENTITY_SECRET} is missing or weak ({@link
 * SecretRules}). It runs once the environment is complete and logging is configured, before any
 * bean exists, so nothing else (no database connection, no port) is touched first.
 */
public class ProductionSecretsCheck
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    private static final Logger log = LoggerFactory.getLogger(ProductionSecretsCheck.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean demo = environment.getProperty("livechat.demo", Boolean.class, false);
        if (demo) {
            return;
        }
        List<String> problems =
                SecretRules.productionProblems(
                        environment.getProperty("livechat.jwt.secret"),
                        environment.getProperty("livechat.identity.secret"));
        if (!problems.isEmpty()) {
            String line =
                    "Refusing to start in production mode: "
                            + String.join("; ", problems)
                            + ". Set each to at least "
                            + SecretRules.MIN_LENGTH
                            + " random characters (openssl rand -base64 48), or run the demo with"
                            + " LIVECHAT_DEMO=true.";
            log.error(line);
            throw new StartupRefusedException(line);
        }
    }

    @Override
    public int getOrder() {
        // after LoggingApplicationListener, so the line goes out in the configured format
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
