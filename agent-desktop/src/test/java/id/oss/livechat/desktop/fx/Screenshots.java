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
        BufferedImage picture = write(stage, name);
        assertNotBlank(picture, 400);
        return picture;
    }

    /** A dialog's picture: smaller than a window. */
    public static BufferedImage saveDialog(Stage dialog, String name) throws IOException {
        BufferedImage picture = write(dialog, name);
        assertNotBlank(picture, 300);
        return picture;
    }

    /** Snapshots the stage's scene into {@code target/screenshots/name}. */
    private static BufferedImage write(Stage stage, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = fx(stage::getScene);
        WritableImage image = fx(() -> scene.snapshot(null));
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        ImageIO.write(picture, "png", dir.resolve(name).toFile());
        return picture;
    }

    /**
     * Not blank: a few distinct colours over the whole picture (sampled every 7 pixels both ways).
     * The whole picture, not one row: a real screen (an empty queue beside an empty chat) may cross
     * its middle row with nothing but backgrounds.
     */
    private static void assertNotBlank(BufferedImage picture, int minWidth) {
        assertThat(picture.getWidth()).isGreaterThan(minWidth);
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
