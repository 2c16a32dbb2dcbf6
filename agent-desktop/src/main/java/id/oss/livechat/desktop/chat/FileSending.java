package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends a file the agent chose into a chat: read and uploaded off the UI thread, the chat showing
 * that it is on its way, then the server's message brings it into the transcript; a refusal (a
 * program renamed {@code .pdf}, a file over the limit, the chat closed) is shown in the chat with
 * its reason.
 */
public final class FileSending {
    /** The server's default limit (ATTACHMENT_MAX_BYTES): a larger file is not even read. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final AttachmentApi api;
    private final Background background;
    private final Localization i18n;

    public FileSending(AttachmentApi api, Background background, Localization i18n) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
    }

    public void send(ChatViewModel chat, Path file) {
        if (chat == null || chat.closedProperty().get() || chat.uploadingProperty().get()) {
            return;
        }
        String name = file.getFileName().toString();
        chat.uploadStarted(i18n.text("chat.attach.sending", name));
        background.run(
                () -> api.upload(chat.sessionId(), name, read(file)),
                uploaded -> chat.uploadDone(),
                error -> chat.uploadRefused(i18n.text("chat.attach.refused", name, why(error))));
    }

    private String why(Throwable error) {
        if (error instanceof FileTooLarge) {
            return i18n.text("error.file_too_large");
        }
        if (error instanceof UncheckedIOException) {
            return i18n.text("chat.attach.unreadable");
        }
        return ErrorTexts.of(error, i18n, "chat.attach.failed");
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new FileTooLarge();
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class FileTooLarge extends RuntimeException {
        FileTooLarge() {
            super("over the limit", null, false, false);
        }
    }
}
