package id.oss.livechat.bench;

import id.oss.livechat.bench.harness.Database;
import id.oss.livechat.bench.harness.Machine;
import id.oss.livechat.bench.harness.Progress;
import id.oss.livechat.bench.scenario.Scenario;
import id.oss.livechat.bench.scenario.ScenarioContext;
import id.oss.livechat.bench.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark suite: runs the chosen scenarios one after another (each measures the product and
 * its baseline in the same run, medians over rounds) and writes docs/BENCHMARKS.md after each, so a
 * run stopped early keeps what it measured. Figures are printed, never asserted: a slow run does
 * not fail anything.
 *
 * <p>{@code --mode=quick|full --out=path [--only=latency,idle,...]} ({@link SuiteOptions})
 */
public final class BenchmarkSuite {
    private final SuiteOptions options;
    private final ScenarioContext run;
    private final ReportDocument document;
    private final List<String> finished = new ArrayList<>();

    private BenchmarkSuite(SuiteOptions options, ScenarioContext run, ReportDocument document) {
        this.options = options;
        this.run = run;
        this.document = document;
    }

    public static void main(String[] args) throws Exception {
        SuiteOptions options = SuiteOptions.parse(args);
        Path work = Files.createTempDirectory("livechat-bench");
        ReportDocument document =
                new ReportDocument(options.mode(), Instant.now(), Machine.loadAverage());
        Progress.log(
                "mode "
                        + options.mode().name()
                        + ", scenarios "
                        + options.scenarios()
                        + ", work folder "
                        + work);
        // a stopped run takes its nodes, baselines and broker with it
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () ->
                                        ProcessHandle.current()
                                                .descendants()
                                                .forEach(ProcessHandle::destroy)));
        try (Database db = Database.start(work)) {
            new BenchmarkSuite(options, new ScenarioContext(options.mode(), db, work), document)
                    .runAll();
        }
        System.exit(0);
    }

    private void runAll() {
        for (String name : options.scenarios()) {
            Progress.log("== " + name);
            try {
                Optional<Scenario> scenario = Scenarios.named(name, options.scenarios());
                scenario.ifPresent(s -> s.run(run));
            } catch (RuntimeException e) {
                e.printStackTrace();
                run.report.note("**" + name + " failed in this run:** " + e);
            } finally {
                run.stopNode();
            }
            finished.add(name);
            write();
        }
    }

    private void write() {
        Path out = options.out();
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(
                    out,
                    document.markdown(
                            run.report,
                            Duration.between(document.started(), Instant.now()),
                            Machine.loadAverage(),
                            options.scenarios(),
                            finished));
            Progress.log("wrote " + out.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
