package id.oss.livechat.desktop.util;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;

/**
 * Asks where to save a file (an export). The app uses {@link FileChooserSaveDialog}; tests use
 * {@link Recording}, which answers with a path of their choosing and remembers what was asked.
 * Called on the FX thread.
 */
public interface SaveDialog {

    /**
     * @param suggestedName the file name offered, e.g. {@code analytics-day-2026-11-01.csv}
     * @return the file chosen, or empty when the person cancelled
     */
    Optional<Path> choose(Window owner, String title, String suggestedName);

    /** No place to save: every question is cancelled. */
    SaveDialog NONE = (owner, title, suggestedName) -> Optional.empty();

    /** Answers every question with a file in {@code folder}, under the name suggested. */
    final class Recording implements SaveDialog {
        public final List<String> suggestedNames = new CopyOnWriteArrayList<>();
        private final Path folder;

        public Recording(Path folder) {
            this.folder = folder;
        }

        @Override
        public Optional<Path> choose(Window owner, String title, String suggestedName) {
            suggestedNames.add(suggestedName);
            return Optional.of(folder.resolve(suggestedName));
        }
    }
}
