package id.oss.livechat.desktop.util;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the desktop asks of the operating system: a system notification and the taskbar's attention
 * while the window is in the background, and a browser for the links visitors send. The app uses
 * {@link SystemDesktopPlatform}; tests use {@link Recording} and check what was asked.
 */
public interface DesktopPlatform {

    /** A notification outside the window, where the system has them; nothing otherwise. */
    void notify(String title, String text);

    /** The taskbar's "look here" hint, where the system has one. */
    void requestAttention();

    /** Opens an {@code http} or {@code https} link in the system's browser. */
    void openLink(URI link);

    /**
     * Opens a file the desk saved (a chat's PDF or picture) in the system's viewer for its type.
     */
    default void openFile(Path file) {}

    /** A platform with none of it: nothing shows, nothing opens. */
    DesktopPlatform NONE =
            new DesktopPlatform() {
                @Override
                public void notify(String title, String text) {}

                @Override
                public void requestAttention() {}

                @Override
                public void openLink(URI link) {}
            };

    /** Remembers every request: for tests, and a platform that can do none of it. */
    final class Recording implements DesktopPlatform {
        public final List<String> notifications = new CopyOnWriteArrayList<>();
        public final List<URI> openedLinks = new CopyOnWriteArrayList<>();
        public final List<Path> openedFiles = new CopyOnWriteArrayList<>();
        private volatile int attentionRequests;

        @Override
        public void notify(String title, String text) {
            notifications.add(title + ": " + text);
        }

        @Override
        public void requestAttention() {
            attentionRequests++;
        }

        @Override
        public void openLink(URI link) {
            openedLinks.add(link);
        }

        @Override
        public void openFile(Path file) {
            openedFiles.add(file);
        }

        public int attentionRequests() {
            return attentionRequests;
        }
    }
}
