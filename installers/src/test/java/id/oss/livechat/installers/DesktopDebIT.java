package id.oss.livechat.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent desktop's .deb, as a help desk PC gets it: it declares GTK 3 among its dependencies,
 * and unpacked with {@code dpkg -x} its launcher starts on a real X server (Xvfb) and shows the
 * login window. The screenshot is kept in target/screenshots.
 */
class DesktopDebIT {
    @TempDir Path scratch;
    private Process xvfb;
    private Process app;

    @BeforeEach
    void theProgramsItDrivesAreInstalled() {
        SystemPrograms.require("Xvfb", "xvfb", "the unpacked .deb starts on a real X server, Xvfb");
        SystemPrograms.require("xdotool", "xdotool", "xdotool finds the app's login window");
        SystemPrograms.require(
                "import", "imagemagick", "ImageMagick's import takes the window's picture");
        SystemPrograms.requireLibrary(
                "libgtk-3.so.0", "libgtk-3-0", "the desktop's JavaFX draws its windows with GTK 3");
    }

    @AfterEach
    void stop() {
        for (Process process : new Process[] {app, xvfb}) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
        }
    }

    @Test
    void theUnpackedPackageStartsAndShowsTheLoginWindow() throws Exception {
        Path deb =
                Path.of(System.getProperty("installers.dir"))
                        .resolve(
                                "oss-livechat-agent_"
                                        + System.getProperty("installer.version")
                                        + "-1_amd64.deb");
        assertThat(deb).exists();
        Commands.Result depends = Commands.run("dpkg-deb", "-f", deb.toString(), "Depends");
        assertThat(depends.output()).contains("libgtk-3-0");

        Path root = scratch.resolve("root");
        Commands.Result unpack = Commands.run("dpkg", "-x", deb.toString(), root.toString());
        assertThat(unpack.exitCode()).as(unpack.output()).isZero();
        Path launcher = root.resolve("opt/oss-livechat-agent/bin/oss-livechat-agent");
        assertThat(launcher).isExecutable();

        String display = startXvfb();
        Path home = Files.createDirectories(scratch.resolve("home"));
        ProcessBuilder builder =
                new ProcessBuilder(launcher.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(scratch.resolve("app.log").toFile());
        builder.environment().put("DISPLAY", display);
        builder.environment().put("HOME", home.toString());
        // a fresh user: no remembered server address, no preferences of whoever runs the build
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        app = builder.start();

        Map<String, String> env = Map.of("DISPLAY", display);
        AtomicReference<String> window = new AtomicReference<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            assertThat(app.isAlive()).as(() -> "the app exited: " + log()).isTrue();
                            Commands.Result found =
                                    Commands.run(
                                            null,
                                            env,
                                            30,
                                            "xdotool",
                                            "search",
                                            "--onlyvisible",
                                            "--name",
                                            "^OSS LiveChat$");
                            String id = found.output().strip();
                            if (found.exitCode() == 0 && !id.isEmpty()) {
                                window.set(id.lines().findFirst().orElseThrow());
                                return true;
                            }
                            return false;
                        });

        // painted: the window's picture has the login card's many colours, not one flat fill
        Path shot = scratch.resolve("login.png");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            Commands.Result imported =
                                    Commands.run(
                                            null,
                                            env,
                                            30,
                                            "import",
                                            "-window",
                                            window.get(),
                                            shot.toString());
                            return imported.exitCode() == 0 && colours(shot) > 50;
                        });
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(400);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(400);

        Path kept = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(kept);
        Files.copy(
                shot, kept.resolve("desktop-deb-login.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String startXvfb() throws IOException {
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 300; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))
                    || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            xvfb =
                    new ProcessBuilder(
                                    "Xvfb",
                                    ":" + n,
                                    "-screen",
                                    "0",
                                    "1280x800x24",
                                    "-nolisten",
                                    "tcp")
                            .redirectErrorStream(true)
                            .redirectOutput(scratch.resolve("xvfb.log").toFile())
                            .start();
            int display = n;
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        !xvfb.isAlive()
                                                || Files.exists(
                                                        Path.of("/tmp/.X11-unix/X" + display)));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                xvfb.destroy();
                continue;
            }
            if (xvfb.isAlive()) {
                return ":" + n;
            }
        }
        throw new AssertionError("no free X display for Xvfb");
    }

    private static int colours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            return 0;
        }
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private String log() {
        try {
            return Files.readString(scratch.resolve("app.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
