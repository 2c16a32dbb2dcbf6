package id.oss.livechat.desktop.util;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's "open" dialog, offering the files a chat accepts, starting in the home folder. */
public final class FileChooserOpenDialog implements OpenDialog {
    private final String filterName;

    /**
     * @param filterName the filter's label, e.g. "PDF, PNG, JPEG, WebP"
     */
    public FileChooserOpenDialog(String filterName) {
        this.filterName = filterName;
    }

    @Override
    public Optional<Path> choose(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters()
                .add(
                        new FileChooser.ExtensionFilter(
                                filterName, "*.pdf", "*.png", "*.jpg", "*.jpeg", "*.webp"));
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }
}
