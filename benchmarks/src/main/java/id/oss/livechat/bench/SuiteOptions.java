package id.oss.livechat.bench;

import id.oss.livechat.bench.harness.Mode;
import id.oss.livechat.bench.scenario.Scenarios;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's command line: {@code --mode=quick|full} (quick when absent), {@code --out=path}
 * (docs/BENCHMARKS.md) and {@code --only=latency,idle,...} (absent, empty or {@code default}: the
 * mode's scenarios).
 */
record SuiteOptions(Mode mode, Path out, List<String> scenarios) {

    static SuiteOptions parse(String... args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] keyValue = arg.replaceFirst("^--", "").split("=", 2);
            options.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
        }
        Mode mode = Mode.of(options.getOrDefault("mode", "quick"));
        Path out = Path.of(options.getOrDefault("out", "docs/BENCHMARKS.md"));
        String only = options.getOrDefault("only", "");
        List<String> scenarios =
                only.isBlank() || only.equals("default")
                        ? Scenarios.defaults(mode)
                        : Arrays.asList(only.split(","));
        return new SuiteOptions(mode, out, scenarios);
    }
}
