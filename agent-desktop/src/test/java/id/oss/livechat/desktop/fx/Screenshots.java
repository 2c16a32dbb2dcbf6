package id.oss.livechat.desktop.fx;

import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of a window, written to {@code target/screenshots} (copied to {@code docs/screenshots}
 * when the look changes), each checked not to be blank.
 */
public final class Screenshots {
    private Screenshots() {}

    public static BufferedImage save(Stage stage, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = fx(stage::getScene);
        WritableImage image = fx(() -> scene.snapshot(null));
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        ImageIO.write(picture, "png", dir.resolve(name).toFile());
        assertNotBlank(picture);
        return picture;
    }

    private static void assertNotBlank(BufferedImage picture) {
        assertThat(picture.getWidth()).isGreaterThan(300);
        long distinct =
                IntStream.range(0, picture.getHeight())
                        .filter(y -> y % 7 == 0)
                        .flatMap(
                                y ->
                                        IntStream.range(0, picture.getWidth())
                                                .filter(x -> x % 7 == 0)
                                                .map(x -> picture.getRGB(x, y)))
                        .distinct()
                        .count();
        assertThat(distinct).as("a picture with something on it").isGreaterThan(3);
    }
}
