package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.system.config.StartupRefusedException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Production mode (demo off) refuses to start on a missing or weak JWT_SECRET or
 * OSS_IDENTITY_SECRET, with one line that says which and what to do, before it touches the database
 * (the one configured here does not exist).
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSecretsTest {

    private static StartupRefusedException refusal(String... args) {
        List<String> all =
                new java.util.ArrayList<>(
                        List.of(
                                "--DB_HOST=127.0.0.1",
                                "--DB_PORT=1",
                                "--LIVECHAT_DEMO=false",
                                "--server.port=0"));
        all.addAll(Arrays.asList(args));
        try {
            new SpringApplicationBuilder(LiveChatServer.class).run(all.toArray(String[]::new));
        } catch (StartupRefusedException e) {
            return e;
        }
        throw new AssertionError("the server started");
    }

    @Test
    void missingSecretsStopTheServerWithOneClearLine(CapturedOutput output) {
        StartupRefusedException e = refusal();
        assertThat(e.getMessage())
                .contains("JWT_SECRET is missing")
                .contains("OSS_IDENTITY_SECRET is missing");
        List<String> lines = output.getOut().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.stream().filter(l -> l.contains("Refusing to start"))).hasSize(1);
        assertThat(output.getAll())
                .doesNotContain("APPLICATION FAILED TO START")
                .doesNotContain("\tat ")
                .doesNotContain("Application run failed");
    }

    @Test
    void weakAndPublishedSecretsAreRefusedAndNotEchoed(CapturedOutput output) {
        StartupRefusedException e =
                refusal("--JWT_SECRET=too-short-a-key", "--OSS_IDENTITY_SECRET=demo-oss-secret");
        assertThat(e.getMessage())
                .contains("JWT_SECRET is weak (15 characters")
                .contains("OSS_IDENTITY_SECRET is a published demo or placeholder value");
        assertThat(output.getAll()).doesNotContain("too-short-a-key");
    }
}
