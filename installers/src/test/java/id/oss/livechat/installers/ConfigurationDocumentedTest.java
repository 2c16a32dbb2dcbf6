package id.oss.livechat.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every variable the server reads is in README's Configuration table and in the tarball's
 * conf/oss-livechat.env, each with its default; neither lists one the server ignores; and the
 * server reads every variable of the seed.
 */
class ConfigurationDocumentedTest {

    @Test
    void theServerReadsEveryVariableOfTheSeed() {
        assertThat(ServerVariables.read()).containsAll(ServerVariables.SEED);
    }

    @Test
    void readmeConfigurationTableListsExactlyTheServersVariables() {
        String readme = ServerVariables.text(ServerVariables.REPOSITORY.resolve("README.md"));
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end);
        Set<String> documented = new TreeSet<>();
        Matcher row =
                Pattern.compile("(?m)^\\| (`[A-Z][A-Z0-9_]*`(?:, `[A-Z][A-Z0-9_]*`)*) \\|")
                        .matcher(section);
        while (row.find()) {
            Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(row.group(1));
            while (name.find()) {
                documented.add(name.group(1));
            }
        }
        assertThat(documented).isEqualTo(ServerVariables.read());
    }

    @Test
    void theSampleEnvironmentFileListsExactlyTheServersVariables() {
        String env = ServerVariables.text(Path.of("server/conf/oss-livechat.env"));
        Set<String> listed = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=").matcher(env);
        while (line.find()) {
            listed.add(line.group(1));
        }
        assertThat(listed).isEqualTo(ServerVariables.read());
    }
}
