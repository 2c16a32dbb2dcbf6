package id.oss.livechat.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server tarball as an operator uses it: unpacked, {@code bin/oss-livechat start} brings the
 * server up (embedded PostgreSQL, demo mode), {@code /health} answers, {@code stop} ends it
 * cleanly, database included; in production mode without secrets, start fails with the reason.
 */
class ServerTarballIT {
    @TempDir Path scratch;
    private Path home;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void unpack() throws IOException {
        String version = System.getProperty("project.version");
        Path tarball =
                Path.of(System.getProperty("installers.dir"))
                        .resolve("oss-livechat-server-" + version + ".tar.gz");
        assertThat(tarball).exists();
        Commands.Result untar =
                Commands.run("tar", "-xzf", tarball.toString(), "-C", scratch.toString());
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        home = scratch.resolve("oss-livechat-server-" + version);
        assertThat(home.resolve("bin/oss-livechat")).isExecutable();
        assertThat(home.resolve("lib/oss-livechat-server.jar")).isRegularFile();
        assertThat(home.resolve("systemd/oss-livechat.service")).isRegularFile();
        assertThat(home.resolve("conf/oss-livechat.env")).isRegularFile();

        environment.put("PORT", String.valueOf(freePort()));
        environment.put("LIVECHAT_DATA_DIR", scratch.resolve("data").toString());
        environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        environment.put("JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        environment.put("START_TIMEOUT", "180");
    }

    @AfterEach
    void stopWhateverRuns() {
        if (home != null) {
            script("stop");
        }
    }

    @Test
    void startServesHealthStopIsCleanAndTheNextStartMapsTheFirstRunsClassArchive()
            throws Exception {
        Commands.Result start = script("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("oss-livechat is up");
        assertThat(home.resolve("run/oss-livechat.pid")).isRegularFile();
        assertThat(script("status").exitCode()).isZero();

        HttpResponse<String> health =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + environment.get("PORT")
                                                                + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");

        Commands.Result stop = script("stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("oss-livechat stopped").doesNotContain("killing");
        assertThat(home.resolve("run/oss-livechat.pid")).doesNotExist();
        assertThat(script("status").exitCode()).isEqualTo(3);

        String log = Files.readString(home.resolve("logs/oss-livechat.log"));
        assertThat(log).contains("Embedded PostgreSQL stopped").doesNotContain("ERROR");
        try (Stream<Path> files = Files.walk(scratch.resolve("data"))) {
            assertThat(files.filter(f -> f.endsWith("postmaster.pid"))).isEmpty();
        }

        // class data sharing: that first run wrote its archive as it stopped; the next maps it
        Path archive = scratch.resolve("data/oss-livechat-cds.jsa");
        assertThat(archive).isRegularFile();
        Commands.Result again = script("start");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(mappedFiles()).contains(archive.toString());
        assertThat(Files.readString(home.resolve("logs/oss-livechat.log"))).doesNotContain("[cds]");

        // an archive the JVM cannot map is not offered: one cut short (a stop killed while writing
        // it) would even crash the JVM
        assertThat(script("stop").exitCode()).isZero();
        assertThat(archive.toFile().setWritable(true)).isTrue(); // the JVM writes it read-only
        try (var file = java.nio.channels.FileChannel.open(archive, StandardOpenOption.WRITE)) {
            file.truncate(Files.size(archive) / 2);
        }
        Commands.Result afterCut = script("start");
        assertThat(afterCut.exitCode()).as(afterCut.output()).isZero();
        assertThat(mappedFiles()).doesNotContain(archive.toString());
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .noneMatch(name -> name.startsWith("hs_err"));
        }
    }

    /** The files the running server's JVM has mapped into memory ({@code /proc/<pid>/maps}). */
    private String mappedFiles() throws IOException {
        String pid = Files.readString(home.resolve("run/oss-livechat.pid")).trim();
        return Files.readString(Path.of("/proc", pid, "maps"));
    }

    @Test
    void productionModeWithoutSecretsDoesNotStart() {
        environment.put("DB_HOST", "127.0.0.1");
        environment.put("DB_PORT", "1");
        Commands.Result start = script("start");
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.output())
                .contains("failed to start")
                .contains("Refusing to start in production mode: JWT_SECRET is missing");
        assertThat(home.resolve("run/oss-livechat.pid")).doesNotExist();
    }

    private Commands.Result script(String command) {
        return Commands.run(
                home, environment, 240, home.resolve("bin/oss-livechat").toString(), command);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
