package id.oss.livechat.desktop.util;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;

/**
 * Asks which file to send (an attachment). The app uses {@link FileChooserOpenDialog}; tests use
 * {@link Recording}, which answers with the files they put in. Called on the FX thread.
 */
public interface OpenDialog {

    /**
     * @return the file chosen, or empty when the person cancelled
     */
    Optional<Path> choose(Window owner, String title);

    /** Nothing to choose from: every question is cancelled. */
    OpenDialog NONE = (owner, title) -> Optional.empty();

    /** Answers with the files given, one per question, then cancels; remembers the titles. */
    final class Recording implements OpenDialog {
        public final List<String> titles = new CopyOnWriteArrayList<>();
        private final Queue<Path> answers = new ConcurrentLinkedQueue<>();

        public void willChoose(Path file) {
            answers.add(file);
        }

        @Override
        public Optional<Path> choose(Window owner, String title) {
            titles.add(title);
            return Optional.ofNullable(answers.poll());
        }
    }
}
