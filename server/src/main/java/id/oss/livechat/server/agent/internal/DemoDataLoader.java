package id.oss.livechat.server.agent.internal;

import id.oss.livechat.server.agent.DemoStaff;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Loads demo mode's departments and accounts before the web server opens (its lifecycle phase is
 * ahead of the server's), so the first sign-in after start never meets an empty staff table.
 */
public class DemoDataLoader implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoStaff demo;
    private final String password;
    private volatile boolean running;

    public DemoDataLoader(DemoStaff demo, String password) {
        this.demo = demo;
        this.password = password;
    }

    @Override
    public void start() {
        // startup, before any request is served: waiting here is the point
        demo.ensure(password).timeout(Duration.ofSeconds(60)).block();
        running = true;
        log.info(
                "Demo mode: accounts admin, supervisor, agent1, agent2, agent3 are ready (password: DEMO_PASSWORD)");
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
