package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.DesktopPlatform;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.desktop.util.SaveDialog;
import id.oss.livechat.model.realtime.AttachmentInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.image.Image;
import javafx.stage.Window;

/**
 * What the transcript does with a chat's files: a picture's image (fetched once, off the UI
 * thread), "Buka" (saved to a private temporary folder, then opened by the system's viewer for its
 * type) and "Simpan" (saved where the agent chooses). A file is always saved under the extension of
 * the type the server found in its bytes, so a PDF named {@code surat.exe} is opened as the PDF it
 * is, never run.
 */
public final class AttachmentFiles {
    private final AttachmentApi api;
    private final Background background;
    private final DesktopPlatform platform;
    private final SaveDialog saveDialog;
    private final Notifier notifier;
    private final Localization i18n;
    private final Supplier<Window> owner;
    private final Map<UUID, Image> images = new ConcurrentHashMap<>();
    private Path folder;

    public AttachmentFiles(
            AttachmentApi api,
            Background background,
            DesktopPlatform platform,
            SaveDialog saveDialog,
            Notifier notifier,
            Localization i18n,
            Supplier<Window> owner) {
        this.api = api;
        this.background = background;
        this.platform = platform;
        this.saveDialog = saveDialog;
        this.notifier = notifier;
        this.i18n = i18n;
        this.owner = owner;
    }

    public static boolean isImage(AttachmentInfo file) {
        return switch (file.contentType()) {
            case "image/png", "image/jpeg", "image/webp" -> true;
            default -> false;
        };
    }

    /** The picture, handed to {@code show} on the UI thread once fetched (at once when it was). */
    public void image(AttachmentInfo file, Consumer<Image> show) {
        Image known = images.get(file.id());
        if (known != null) {
            show.accept(known);
            return;
        }
        background.run(
                () -> new Image(new ByteArrayInputStream(api.download(file.id()))),
                image -> {
                    if (!image.isError()) {
                        images.put(file.id(), image);
                        show.accept(image);
                    }
                },
                error -> {}); // the file row stays: "Buka" and "Simpan" say what went wrong
    }

    /** "Buka": the system's viewer opens the file. */
    public void open(AttachmentInfo file) {
        background.run(
                () -> opened(write(file, folderFor(file).resolve(nameFor(file)))),
                platform::openFile,
                error -> failed(error, "chat.attachment.error.open"));
    }

    /** "Simpan": the agent picks where. */
    public void save(AttachmentInfo file) {
        saveDialog
                .choose(owner.get(), i18n.text("chat.attachment.save.title"), nameFor(file))
                .ifPresent(
                        target ->
                                background.run(
                                        () -> write(file, target),
                                        saved ->
                                                notifier.notify(
                                                        Notice.info(
                                                                i18n.text(
                                                                        "chat.attachment.saved",
                                                                        saved.getFileName()))),
                                        error -> failed(error, "chat.attachment.error.save")));
    }

    private void failed(Throwable error, String key) {
        notifier.notify(Notice.error(ErrorTexts.of(error, i18n, key)));
    }

    private Path write(AttachmentInfo file, Path target) {
        byte[] bytes = api.download(file.id());
        try {
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a folder per file: two files of one name never overwrite each other while a viewer reads one
    private Path folderFor(AttachmentInfo file) throws IOException {
        Path own = privateFolder().resolve(file.id().toString());
        Files.createDirectories(own);
        own.toFile().deleteOnExit();
        return own;
    }

    // gone when the desk closes (deleteOnExit goes backwards: the file, then its folders)
    private static Path opened(Path file) {
        file.toFile().deleteOnExit();
        return file;
    }

    private synchronized Path privateFolder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("oss-livechat-");
            folder.toFile().deleteOnExit();
        }
        return folder;
    }

    /**
     * The name a file is saved under: the uploaded name without anything a file system reads as a
     * folder or a device, ending in the extension of its real type.
     */
    static String nameFor(AttachmentInfo file) {
        String extension =
                switch (file.contentType()) {
                    case "application/pdf" -> ".pdf";
                    case "image/png" -> ".png";
                    case "image/jpeg" -> ".jpg";
                    case "image/webp" -> ".webp";
                    default -> ".bin";
                };
        String name = file.name() == null ? "" : file.name();
        name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            name = "lampiran";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean fits =
                lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"));
        return fits ? name : name + extension;
    }
}
