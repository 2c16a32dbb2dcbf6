package id.oss.livechat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.oss.livechat.bench.harness.Mode;
import id.oss.livechat.bench.harness.Report;
import id.oss.livechat.bench.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run measures, as the bench profile's command line asks for it, and its report's head. */
class SuiteOptionsTest {

    @Test
    void theQuickModeLeavesOutTwoNodesAndThePeerAndTheFullModeRunsEveryScenario() {
        SuiteOptions quick =
                SuiteOptions.parse("--mode=quick", "--out=target/b.md", "--only=default");
        SuiteOptions full = SuiteOptions.parse("--mode=full");

        assertThat(quick.mode().rounds()).isEqualTo(1);
        assertThat(quick.out()).isEqualTo(Path.of("target/b.md"));
        assertThat(quick.scenarios())
                .containsExactly(
                        "latency", "throughput", "assignment", "idle", "coldstart", "search");
        assertThat(full.scenarios()).containsExactlyElementsOf(Scenarios.NAMES);
        assertThat(full.scenarios()).contains("peer", "twonode");
        assertThat(full.out()).isEqualTo(Path.of("docs/BENCHMARKS.md"));
        assertThat(SuiteOptions.parse("--only=idle,coldstart").scenarios())
                .containsExactly("idle", "coldstart");
    }

    @Test
    void throughputIsMeasuredInTheLatencyPassWhenBothAreAsked() {
        List<String> both = List.of("latency", "throughput");

        assertThat(Scenarios.named("latency", both)).isPresent();
        assertThat(Scenarios.named("throughput", both)).isEmpty();
        assertThat(Scenarios.named("throughput", List.of("throughput"))).isPresent();
        assertThat(Scenarios.named("peer", List.of("peer"))).isPresent();
        assertThatThrownBy(() -> Scenarios.named("warp", List.of("warp")))
                .hasMessage("no scenario warp");
        assertThatThrownBy(() -> SuiteOptions.parse("--mode=slow"))
                .hasMessage("mode is quick or full, not slow");
    }

    @Test
    void theReportSaysHowToRunItAgainAndWhichScenariosAStoppedRunMissed() {
        ReportDocument document =
                new ReportDocument(Mode.of("full"), Instant.parse("2026-12-07T08:48:00Z"), "0.5");
        Report report = new Report();
        report.row("idle", "heap", 2.0, "raw", 1.0, "KiB");

        String markdown =
                document.markdown(
                        report,
                        Duration.ofSeconds(90),
                        "1.5",
                        List.of("idle", "coldstart"),
                        List.of("idle"));

        assertThat(markdown)
                .startsWith("# Benchmarks\n")
                .contains("-pl benchmarks -am package -Dbench.mode=full\n")
                .contains("| date | 2026-12-07T08:48:00Z (took 90 s) |")
                .contains("| mode | **full**, medians of 5 rounds |")
                .contains("| scenarios | idle (**the run was stopped before coldstart**) |")
                .contains("| load average (1, 5, 15 min) | before 0.5; after 1.5 |")
                .contains("| idle | heap | 2.00 KiB | raw | 1.00 KiB | 2.00× |")
                .contains("\n## How it measures\n");
    }
}
