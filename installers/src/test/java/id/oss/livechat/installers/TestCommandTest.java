package id.oss.livechat.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command, scripts/test.sh, in its dry run (it says what it would do and changes
 * nothing): it installs only the packages that are missing, then runs the whole build's verify with
 * the arguments it was given; CI runs exactly that script; and the README lists what it installs.
 */
class TestCommandTest {
    @TempDir Path scratch;
    private final Map<String, String> environment = new HashMap<>();

    /**
     * Should the dry run ever break, nothing real happens: apt-get and sudo are stand-ins that
     * refuse, and Maven only prints its version (a real {@code verify} here would run this test
     * again, inside itself).
     */
    @BeforeEach
    void nothingRealCanRun() throws IOException {
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        for (String program : new String[] {"apt-get", "sudo"}) {
            Path standIn = bin.resolve(program);
            Files.writeString(standIn, "#!/bin/sh\necho \"a real " + program + " $*\"\nexit 1\n");
            Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("MAVEN_ARGS", "--version");
        environment.put("DRY_RUN", "1");
    }

    @Test
    void installsOnlyWhatIsMissingThenVerifiesWithItsArguments() {
        environment.put("TEST_PACKAGES", "bash no-such-package-7f3a");

        Commands.Result dryRun = run("scripts/test.sh", "-pl", "installers", "-Dtest=A B");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output())
                .contains("installing what the tests need: no-such-package-7f3a\n")
                .contains("apt-get install -y -q --no-install-recommends no-such-package-7f3a\n")
                .contains("would run: ./mvnw -B verify -pl installers -Dtest=A\\ B\n")
                .doesNotContain("a real ")
                .doesNotContain("Apache Maven");
    }

    @Test
    void installsNothingWhenEverythingIsThere() {
        environment.put("TEST_PACKAGES", "bash");

        Commands.Result dryRun = run("scripts/test.sh");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output())
                .contains("the system packages the tests need are installed")
                .doesNotContain("apt-get")
                .contains("would run: ./mvnw -B verify\n");
    }

    @Test
    void ciRunsTheTestScriptWithTheFormatterCheckOn() {
        environment.put("TEST_PACKAGES", "bash");

        Commands.Result dryRun = run(".ci/run", "-pl", "installers");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("would run: ./mvnw -B verify -pl installers\n");
        assertThat(ServerVariables.text(ServerVariables.REPOSITORY.resolve(".ci/run")))
                .contains("export CI=true\nexec scripts/test.sh \"$@\"\n");
    }

    @Test
    void theReadmeListsExactlyThePackagesTheScriptInstalls() {
        Matcher list =
                Pattern.compile("TEST_PACKAGES:-([^}]*)}")
                        .matcher(
                                ServerVariables.text(
                                        ServerVariables.REPOSITORY.resolve("scripts/test.sh")));
        assertThat(list.find()).isTrue();
        Set<String> installed = new TreeSet<>(List.of(list.group(1).split(" ")));

        String readme = ServerVariables.text(ServerVariables.REPOSITORY.resolve("README.md"));
        String section =
                readme.substring(
                        readme.indexOf("**Run every test:**"), readme.indexOf("\n## Demo"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`[^|]*`) \\|").matcher(section);
        while (row.find()) {
            Matcher name = Pattern.compile("`([a-z0-9.+-]+)`").matcher(row.group(1));
            while (name.find()) {
                documented.add(name.group(1));
            }
        }
        assertThat(documented).isEqualTo(installed);
    }

    private Commands.Result run(String... command) {
        return Commands.run(ServerVariables.REPOSITORY, environment, 60, command);
    }
}
