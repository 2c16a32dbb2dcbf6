package id.oss.livechat.server.realtime.internal;

import id.oss.livechat.server.realtime.ConnectionRegistry;
import id.oss.livechat.server.realtime.Principal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The sockets' meter: open chat sockets on this node, visitors' and staff's. */
public class SocketMetrics {

    public SocketMetrics(MeterRegistry registry, ConnectionRegistry connections) {
        Gauge.builder(
                        "livechat_websockets_open",
                        connections,
                        c -> count(c, Principal.Visitor.class))
                .tag("kind", "visitor")
                .description("Open chat sockets on this node")
                .register(registry);
        Gauge.builder(
                        "livechat_websockets_open",
                        connections,
                        c -> count(c, Principal.StaffMember.class))
                .tag("kind", "staff")
                .description("Open chat sockets on this node")
                .register(registry);
    }

    private static double count(ConnectionRegistry connections, Class<? extends Principal> kind) {
        return connections.all().stream().filter(c -> kind.isInstance(c.principal())).count();
    }
}
