package id.oss.livechat.bench;

import id.oss.livechat.bench.harness.Children;
import id.oss.livechat.bench.harness.Machine;
import id.oss.livechat.bench.harness.Mode;
import id.oss.livechat.bench.harness.Report;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * docs/BENCHMARKS.md: a header saying how to run it again and on what it ran (date, mode, machine,
 * JVM, load), the report's figures, goals and notes, then how the suite measures.
 */
record ReportDocument(Mode mode, Instant started, String loadBefore) {

    String markdown(
            Report report,
            Duration took,
            String loadAfter,
            List<String> chosen,
            List<String> finished) {
        return report.markdown(header(took, loadAfter, chosen, finished)) + method();
    }

    private String header(
            Duration took, String loadAfter, List<String> chosen, List<String> finished) {
        return "# Benchmarks\n\n"
                + "Written by the benchmark suite (`benchmarks` module); do not edit by hand. Run it"
                + " again with:\n\n"
                + "```bash\n./mvnw -q -Pbench -DskipTests -pl benchmarks -am package -Dbench.mode="
                + mode.name()
                + "\n```\n\n"
                + "| | |\n| --- | --- |\n"
                + "| date | "
                + started.truncatedTo(ChronoUnit.SECONDS)
                + " (took "
                + took.toSeconds()
                + " s) |\n"
                + "| mode | **"
                + mode.name()
                + "**"
                + (mode.rounds() > 1
                        ? ", medians of " + mode.rounds() + " rounds"
                        : ", one round per figure: indicative only")
                + " |\n"
                + "| scenarios | "
                + String.join(", ", finished)
                + (finished.size() < chosen.size()
                        ? " (**the run was stopped before "
                                + String.join(", ", chosen.subList(finished.size(), chosen.size()))
                                + "**)"
                        : "")
                + " |\n"
                + "| machine | "
                + Runtime.getRuntime().availableProcessors()
                + " cores, "
                + Machine.cpuModel()
                + ", "
                + System.getProperty("os.name")
                + " "
                + System.getProperty("os.version")
                + ", ulimit -n "
                + Machine.openFileLimit()
                + " |\n"
                + "| JVM | "
                + System.getProperty("java.vm.name")
                + " "
                + System.getProperty("java.runtime.version")
                + "; server and baselines: "
                + String.join(" ", Children.SERVER_JVM_FLAGS)
                + " |\n"
                + "| load average (1, 5, 15 min) | before "
                + loadBefore
                + "; after "
                + loadAfter
                + " |\n";
    }

    private static String method() {
        return "\n## How it measures\n\n"
                + "- Everything runs on this one machine over loopback: the load generator (this JVM), the"
                + " server node(s) and baselines as child JVMs with the same flags, one PostgreSQL (the"
                + " product's embedded zonky server, `synchronous_commit=on`).\n"
                + "- Load generator: one Reactor Netty `HttpClient.newConnection()` WebSocket per"
                + " client; sends follow an open-loop schedule and every latency counts from the"
                + " send's intended time (no coordinated omission), into HdrHistogram.\n"
                + "- Latency: visitor `message.send` → the agent's `message.new`. Baseline: the same"
                + " clients and schedule against a raw Reactor Netty echo server (one hop instead of"
                + " two), plus the single-row insert latency at the same rate on the same database.\n"
                + "- Server CPU per message: user + system time of the server's process"
                + " (`/proc/<pid>/stat`) over the window, divided by messages delivered.\n"
                + "- Throughput: open-loop ramp, +25% per step, until p99 passes 50 ms or messages"
                + " go missing; the figure is the last step that held. Baseline: pgbench single-row"
                + " insert TPS (closed loop) with the server's pool size as clients.\n"
                + "- Idle capacity: live heap after a full GC (`jcmd GC.class_histogram`) before and"
                + " after the sockets sign in, divided by their number; the raw server gets the same"
                + " number of sockets and one frame each way.\n"
                + "- Assignment: agents come online to a backlog of waiting chats, then a burst of"
                + " new chats arrives open-loop over one second; time to assign = the chat's"
                + " `assigned_at` − its start request's intended time, and, apart, the time until"
                + " the chat was stored in the queue (`queued_at`). Double assignments are"
                + " counted on the agents' sockets (`session.updated` for one chat at two agents)"
                + " and in the database (agents over `max_chats`).\n"
                + "- Cold start: from spawning the JVM to the first accepted WebSocket handshake"
                + " (tried every 10 ms); the minimal app imports only Boot's Netty, WebFlux, codec"
                + " and Jackson auto-configuration.\n"
                + "- Peer: the same store-then-deliver chat in Node with Socket.IO and pg"
                + " (`benchmarks/peer/server.js`, dependencies locked and installed with `npm ci`;"
                + " one process, as a cluster of two cost twice the CPU per message here), on the"
                + " same PostgreSQL with tables of its own: one row per message numbered per"
                + " session in one statement, synchronous commit, then the chat's room and the"
                + " acknowledgement. It and a server node of its own get the latency and"
                + " throughput scenarios' load (the same clients, the suite's WebSocket client"
                + " speaking Socket.IO 4 to the peer; the same visitors, agents, rates, warm-up,"
                + " windows and ramp) in alternating rounds, so both see the same machine; the"
                + " peer's CPU is all its processes'. Its ratios are the server's figure over the"
                + " peer's.\n"
                + "- Search: a corpus of help-desk chats (a million messages in the full mode, a"
                + " tenth in the quick one; ten messages a chat over 180 days and five"
                + " departments, licence names, KBLI codes, NIB numbers, cities, names and"
                + " companies with a few asked about all the time and many rarely) is generated"
                + " in the run's PostgreSQL (`search-corpus.sql`); then a set of realistic"
                + " queries, each asked by a supervisor (every chat) and an agent (two of five"
                + " departments), one at a time through `GET /api/chat/search`; a query's time"
                + " is from sending the request to reading the whole answer.\n"
                + "- Soak (full mode): a quarter of an hour in which new chats arrive at a steady"
                + " rate while 20 agents stay signed in; each visitor starts a chat, connects,"
                + " sends four messages 1.5 s apart, ends the chat (`POST"
                + " /api/oss-chat/session/:id/close`) and closes its socket. At the end of each"
                + " quarter: the node's live heap after a full GC and its open file handles"
                + " (`/proc/<pid>/fd`). Nothing lost: every message acknowledged to a visitor is"
                + " stored once and reached its agent's socket, and no chat is left open.\n"
                + "- Benchmarks print figures; nothing here fails a build on a time.\n";
    }
}
