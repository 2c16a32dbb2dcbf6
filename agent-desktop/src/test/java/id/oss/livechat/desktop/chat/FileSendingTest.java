package id.oss.livechat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.DeskFixture;
import id.oss.livechat.model.realtime.AttachmentInfo;
import id.oss.livechat.model.realtime.AttachmentUploaded;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the chat says about the agent's file (English texts): on its way, gone once the server took
 * it, or refused with the reason; one file at a time, and a file over the limit never read.
 */
class FileSendingTest {
    private final DeskFixture desk = new DeskFixture().connected();
    private final Uploads api = new Uploads();
    private final FileSending sending = new FileSending(api, desk.background, desk.i18n);
    private ChatViewModel chat;
    @TempDir Path folder;

    @BeforeEach
    void openChat() {
        chat =
                desk.chats.open(
                        DemoData.active(1, "Status NIB belum terbit", DemoData.SITI, true, 0, 0),
                        false);
    }

    @Test
    void theFileShowsAsOnItsWayUntilTheServerHasItThenTheStatusGoes() throws IOException {
        Path file = Files.write(folder.resolve("galat-portal.png"), new byte[] {1, 2, 3});
        desk.background.hold();

        sending.send(chat, file);

        assertThat(chat.uploadProperty().get()).isEqualTo("Sending galat-portal.png \u2026");
        assertThat(chat.uploadingProperty().get()).isTrue();
        assertThat(chat.uploadRefusedProperty().get()).isFalse();
        assertThat(api.uploads).containsExactly(chat.sessionId() + " galat-portal.png 3");

        desk.background.release();

        assertThat(chat.uploadProperty().get()).isEmpty();
        assertThat(chat.uploadingProperty().get()).isFalse();
        assertThat(chat.uploadRefusedProperty().get()).isFalse();
    }

    @Test
    void aRefusalSaysWhichFileAndTheServersReasonUntilDismissed() throws IOException {
        Path file = Files.write(folder.resolve("izin-usaha.pdf"), new byte[] {'M', 'Z'});
        api.refusal = new ApiException(415, "unsupported_file_type", "application/x-msdownload");

        sending.send(chat, file);

        assertThat(chat.uploadProperty().get())
                .isEqualTo(
                        "izin-usaha.pdf was not sent: Only PDF, PNG, JPEG or WebP files can be"
                                + " sent.");
        assertThat(chat.uploadRefusedProperty().get()).isTrue();
        assertThat(chat.uploadingProperty().get()).isFalse();

        chat.dismissUpload();

        assertThat(chat.uploadProperty().get()).isEmpty();
        assertThat(chat.uploadRefusedProperty().get()).isFalse();
    }

    @Test
    void aRefusalWithoutAKnownCodeShowsTheServersSentence() throws IOException {
        Path file = Files.write(folder.resolve("surat.pdf"), new byte[] {'%', 'P'});
        api.refusal = new ApiException(409, "session_gone_elsewhere", "The chat moved.");

        sending.send(chat, file);

        assertThat(chat.uploadProperty().get())
                .isEqualTo("surat.pdf was not sent: The server refused the file: The chat moved.");
    }

    @Test
    void aSecondFileWaitsForTheFirst() throws IOException {
        Path first = Files.write(folder.resolve("a.pdf"), new byte[] {1});
        Path second = Files.write(folder.resolve("b.pdf"), new byte[] {2});
        desk.background.hold();

        sending.send(chat, first);
        sending.send(chat, second);

        assertThat(api.uploads).hasSize(1);
        assertThat(chat.uploadProperty().get()).isEqualTo("Sending a.pdf \u2026");
        // and a refusal cannot be dismissed while a file is on its way
        chat.dismissUpload();
        assertThat(chat.uploadingProperty().get()).isTrue();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutBeingReadOrSent() throws IOException {
        Path large = folder.resolve("pindaian-akta.pdf");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(FileSending.MAX_BYTES + 1);
        }

        sending.send(chat, large);

        assertThat(api.uploads).isEmpty();
        assertThat(chat.uploadProperty().get())
                .isEqualTo("pindaian-akta.pdf was not sent: The file is over the 10 MB limit.");
        assertThat(chat.uploadRefusedProperty().get()).isTrue();
    }

    @Test
    void aClosedChatSendsNothing() throws IOException {
        Path file = Files.write(folder.resolve("a.pdf"), new byte[] {1});
        ChatViewModel ended =
                desk.chats.open(
                        DemoData.closed(
                                2,
                                UUID.randomUUID(),
                                "Cara mengubah KBLI",
                                DemoData.SITI,
                                DemoData.NOW.minusSeconds(3600)),
                        false);
        assertThat(ended.closedProperty().get()).isTrue();

        sending.send(ended, file);

        assertThat(api.uploads).isEmpty();
        assertThat(ended.uploadProperty().get()).isEmpty();
    }

    @Test
    void aFileIsSavedUnderTheExtensionOfItsRealTypeNeverAsAProgram() {
        assertThat(AttachmentFiles.nameFor(file("surat.exe", "application/pdf")))
                .isEqualTo("surat.exe.pdf");
        assertThat(AttachmentFiles.nameFor(file("foto.JPEG", "image/jpeg"))).isEqualTo("foto.JPEG");
        assertThat(AttachmentFiles.nameFor(file("..\\..\\boot.ini", "image/png")))
                .isEqualTo("_.._boot.ini.png");
        assertThat(AttachmentFiles.nameFor(file("", "application/pdf"))).isEqualTo("lampiran.pdf");
    }

    private static AttachmentInfo file(String name, String type) {
        return new AttachmentInfo(UUID.randomUUID(), name, type, 1);
    }

    /** The server's upload route as the test decides: accepts, or refuses with an error. */
    private static final class Uploads implements AttachmentApi {
        final List<String> uploads = new CopyOnWriteArrayList<>();
        ApiException refusal;

        @Override
        public AttachmentUploaded upload(UUID sessionId, String fileName, byte[] content) {
            uploads.add(sessionId + " " + fileName + " " + content.length);
            if (refusal != null) {
                throw refusal;
            }
            return new AttachmentUploaded(
                    UUID.randomUUID(), fileName, "application/pdf", content.length, 5);
        }

        @Override
        public byte[] download(UUID attachmentId) {
            throw new UnsupportedOperationException();
        }
    }
}
