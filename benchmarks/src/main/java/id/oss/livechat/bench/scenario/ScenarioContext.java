package id.oss.livechat.bench.scenario;

import id.oss.livechat.bench.harness.ChatNode;
import id.oss.livechat.bench.harness.Database;
import id.oss.livechat.bench.harness.Mode;
import id.oss.livechat.bench.harness.Report;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scenarios of one run share: the mode, the one PostgreSQL, the work folder for the child
 * processes' logs, the report, the figures a later scenario compares against, and a chat node.
 */
public final class ScenarioContext {
    public final Mode mode;
    public final Database db;
    public final Path work;
    public final Report report = new Report();

    /**
     * Figures a later scenario compares against: the two-node scenario against the one-node latency
     * ("latency.p50", "latency.p99", "latency.p99.9") and throughput ("throughput").
     */
    public final Map<String, Double> figures = new LinkedHashMap<>();

    private ChatNode node;

    public ScenarioContext(Mode mode, Database db, Path work) {
        this.mode = mode;
        this.db = db;
        this.work = work;
    }

    /**
     * The scenario's chat node, started on first use: every round of a scenario uses the same one
     * (each round with a department and agents of its own). The suite stops it when the scenario
     * ends.
     */
    public ChatNode node() {
        if (node == null) {
            node = ChatNode.start(db, work, "node", Map.of());
        }
        return node;
    }

    /**
     * A node left running would compete for the cores with the next scenario's (the idle one holds
     * 15,000 waiting chats and sweeps them).
     */
    public void stopNode() {
        if (node != null) {
            node.close();
            node = null;
        }
    }
}
