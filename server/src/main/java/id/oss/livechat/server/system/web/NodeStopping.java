package id.oss.livechat.server.system.web;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Whether this node has begun to stop (SIGTERM, or the context closing): from then on the database
 * pool and the bus close under requests still running, and what fails is the node's going away, not
 * a fault to report as one.
 */
@Component
public class NodeStopping implements ApplicationListener<ContextClosedEvent> {
    private volatile boolean stopping;

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }
}
