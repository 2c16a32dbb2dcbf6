package id.oss.livechat.bench.harness;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the suite is doing, printed with the time: the run's log on the console. */
public final class Progress {
    private Progress() {}

    public static void log(String line) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }
}
