package id.oss.livechat.server.hours.internal;

import id.oss.livechat.server.hours.DemoHours;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Gives demo mode's technical desk its hours before the web server opens, once the demo departments
 * exist (their loader runs in the phase before).
 */
public class DemoHoursLoader implements SmartLifecycle {
    private final DemoHours demo;
    private volatile boolean running;

    public DemoHoursLoader(DemoHours demo) {
        this.demo = demo;
    }

    @Override
    public void start() {
        // startup, before any request is served: waiting here is the point
        demo.ensure().timeout(Duration.ofSeconds(60)).block();
        running = true;
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
        return 1;
    }
}
