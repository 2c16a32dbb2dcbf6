package id.oss.livechat.desktop.e2e;

import static id.oss.livechat.desktop.e2e.DeskDriver.eventually;
import static id.oss.livechat.desktop.fx.FxDesk.fx;
import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.fx.Screenshots;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.shell.DesktopShell;
import id.oss.livechat.desktop.shell.MainViewModel;
import id.oss.livechat.desktop.testing.MemorySettings;
import id.oss.livechat.desktop.util.SaveDialog;
import id.oss.livechat.model.realtime.AttachmentInfo;
import id.oss.livechat.model.realtime.AttachmentUploaded;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.visitor.ContactRequest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Files in a chat through the desktop, against the real server in this JVM (issue 20 item 1): the
 * agent attaches a PDF and a picture and the visitor receives both as messages with their files;
 * the visitor's picture shows as a thumbnail in the agent's transcript; "Simpan" writes the very
 * bytes the server keeps, "Buka" hands the system viewer a file of the real type; a program renamed
 * {@code .pdf} and a file over the limit are refused in the chat with the reason, and nothing
 * reaches the visitor. The file chooser is the test's ({@link RecordingPorts#openDialog}), never a
 * native dialog.
 */
@ExtendWith(ApplicationExtension.class)
class AttachmentsEndToEndTest {
    private static RealServer server;
    private static ServerAdmin admin;

    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final RecordingPorts ports = new RecordingPorts();
    private final List<VisitorClient> visitors = new ArrayList<>();
    private RealDesk app;
    private DesktopShell shell;
    private DeskDriver desk;
    @TempDir Path files;

    @BeforeAll
    static void useTheSharedServer() {
        server = RealServer.shared();
        admin = new ServerAdmin(server.address());
    }

    @Start
    void start(Stage stage) {
        app = new RealDesk(stage, ports, i18n, new MemorySettings());
        shell = app.shell();
        desk = app.driver();
    }

    @AfterEach
    void closeDesktop() {
        visitors.forEach(VisitorClient::close);
        app.close();
    }

    @Test
    void theAgentAttachesAPdfAndAPictureAndTheVisitorReceivesBoth() throws IOException {
        VisitorClient siti = chatWithAnAgent("Uji Lampiran Kirim");
        byte[] pdf = pdf("Panduan perubahan NIB");
        byte[] picture = portalError(320, 200);

        attach("Panduan perubahan NIB.pdf", pdf);
        ServerFrame.MessageNew pdfMessage =
                siti.await(ServerFrame.MessageNew.class, carrying(".pdf"));
        assertThat(pdfMessage.sender().type().wire()).isEqualTo("agent");
        assertThat(pdfMessage.attachment().name()).isEqualTo("Panduan perubahan NIB.pdf");
        assertThat(pdfMessage.attachment().contentType()).isEqualTo("application/pdf");
        assertThat(pdfMessage.attachment().size()).isEqualTo(pdf.length);
        assertThat(siti.download(pdfMessage.attachment().id())).isEqualTo(pdf);
        // the status goes once the file is in the chat, and the agent can send the next one
        eventually(() -> uploadStatus() == null);
        eventually(() -> !button("#attach-button").isDisabled());

        attach("denah-lokasi.png", picture);
        ServerFrame.MessageNew pngMessage =
                siti.await(ServerFrame.MessageNew.class, carrying(".png"));
        assertThat(pngMessage.attachment().contentType()).isEqualTo("image/png");
        assertThat(siti.download(pngMessage.attachment().id())).isEqualTo(picture);

        // what the widget reads over REST says the same
        assertThat(siti.messages())
                .map(ChatMessage::attachment)
                .filteredOn(Objects::nonNull)
                .extracting(AttachmentInfo::name, AttachmentInfo::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Panduan perubahan NIB.pdf", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple("denah-lokasi.png", "image/png"));
        // and the agent sees both in the transcript: the picture as itself, the PDF as a row
        eventually(() -> thumbnailOf("denah-lokasi.png") != null);
        assertThat(fx(() -> thumbnailOf("denah-lokasi.png").getImage().getWidth()))
                .isEqualTo(320.0);
        eventually(() -> fileButton("Panduan perubahan NIB.pdf", ".attachment-save") != null);
        assertThat(ports.openDialog.titles).containsOnly(i18n.text("chat.attach.title"));
    }

    @Test
    void theVisitorsPictureIsAThumbnailAndSimpanAndBukaGiveTheSameBytes() throws Exception {
        // where "Simpan" puts files: the folder the agent picks (the test's)
        Path chosen = Files.createDirectories(files.resolve("unduhan"));
        SaveDialog.Recording saveDialog = new SaveDialog.Recording(chosen);
        ports.saveDialog = saveDialog;
        VisitorClient siti = chatWithAnAgent("Uji Lampiran Terima");
        siti.say("Selamat siang, ini tangkapan layar galatnya dan surat izinnya.");
        byte[] picture = portalError(480, 300);
        byte[] pdf = pdf("Surat izin usaha");
        siti.upload("galat-portal.png", picture);
        AttachmentUploaded letter = siti.upload("Surat izin usaha.pdf", pdf);

        // the picture itself, fetched with the agent's token, not just its name
        eventually(() -> thumbnailOf("galat-portal.png") != null);
        assertThat(fx(() -> thumbnailOf("galat-portal.png").getImage().getWidth()))
                .isEqualTo(480.0);
        assertThat(fx(() -> thumbnailOf("galat-portal.png").getImage().getHeight()))
                .isEqualTo(300.0);
        // a PDF has no picture: its row, with the buttons
        eventually(() -> fileButton("Surat izin usaha.pdf", ".attachment-save") != null);
        assertThat(fx(() -> thumbnailOf("Surat izin usaha.pdf"))).isNull();

        // "Simpan": the agent picks where (the test's folder), the server's bytes land there
        desk.robot().clickOn(fx(() -> fileButton("Surat izin usaha.pdf", ".attachment-save")));
        Path saved = chosen.resolve("Surat izin usaha.pdf");
        eventually(() -> Files.isRegularFile(saved) && Files.size(saved) == pdf.length);
        assertThat(Files.readAllBytes(saved)).isEqualTo(pdf);
        assertThat(saveDialog.suggestedNames).containsExactly("Surat izin usaha.pdf");
        eventually(
                () -> i18n.text("chat.attachment.saved", "Surat izin usaha.pdf").equals(toast()));

        // "Buka": saved privately under the real type's extension, then the system viewer
        desk.robot().clickOn(fx(() -> fileButton("Surat izin usaha.pdf", ".attachment-open")));
        eventually(() -> !ports.platform.openedFiles.isEmpty());
        Path opened = ports.platform.openedFiles.get(0);
        assertThat(opened.getFileName().toString()).isEqualTo("Surat izin usaha.pdf");
        assertThat(Files.readAllBytes(opened)).isEqualTo(pdf);
        assertThat(letter.contentType()).isEqualTo("application/pdf");

        desk.robot().clickOn("#composer").write("Terima kasih, Bu. Saya periksa dulu.");
        desk.robot().type(javafx.scene.input.KeyCode.ENTER);
        siti.await(ServerFrame.MessageNew.class, m -> m.text().startsWith("Terima kasih, Bu."));
        eventually(() -> thumbnailOf("galat-portal.png") != null);
        fx(
                () -> {
                    desk.messages().scrollTo(desk.messages().getItems().size() - 1);
                    return null;
                });
        eventually(() -> thumbnailOf("galat-portal.png") != null);
        Screenshots.save(desk.stage(), "desktop-attachment.png");
    }

    @Test
    void aRefusedFileSaysWhyInTheChatAndNothingReachesTheVisitor() throws IOException {
        VisitorClient siti = chatWithAnAgent("Uji Lampiran Tolak");
        int framesBefore = siti.received().size();

        // a Windows program named like a PDF: the server reads the bytes and refuses it (415)
        attach("izin-usaha.pdf", exe());
        String refused =
                i18n.text(
                        "chat.attach.refused",
                        "izin-usaha.pdf",
                        i18n.text("error.unsupported_file_type"));
        eventually(() -> refused.equals(uploadStatus()));
        eventually(() -> !button("#attach-button").isDisabled());
        Screenshots.save(desk.stage(), "desktop-attachment-refused.png");
        // "Oke": the agent has read it
        desk.robot().clickOn("#upload-dismiss");
        eventually(() -> uploadStatus() == null);

        // over the limit (10 MB): refused before a byte is read or sent
        Path large = files.resolve("pindaian-akta.pdf");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(10L * 1024 * 1024 + 1);
        }
        ports.openDialog.willChoose(large);
        desk.robot().clickOn("#attach-button");
        String tooLarge =
                i18n.text(
                        "chat.attach.refused",
                        "pindaian-akta.pdf",
                        i18n.text("error.file_too_large"));
        eventually(() -> tooLarge.equals(uploadStatus()));

        // nothing was stored, nothing was delivered: a message sent after is the next one
        siti.say("Sudah terkirim, Pak?");
        assertThat(admin.transcript(siti.sessionId()))
                .noneMatch(message -> message.attachment() != null);
        assertThat(siti.received().subList(framesBefore, siti.received().size()))
                .noneMatch(
                        frame ->
                                frame instanceof ServerFrame.MessageNew message
                                        && message.attachment() != null);
        assertThat(fx(() -> desk.messages().getItems()))
                .noneMatch(item -> item.attachment() != null);
    }

    // the scene

    /** A department and an agent of the test's own, signed in, serving Siti's chat. */
    private VisitorClient chatWithAnAgent(String departmentName) {
        UUID department = admin.department(departmentName);
        Agent agent = admin.agent("Rina Berkas", 3, department);
        MainViewModel main =
                desk.signIn(server.address(), agent.username(), ServerAdmin.AGENT_PASSWORD);
        VisitorClient siti =
                new VisitorClient(server.address())
                        .start("Izin usaha ditolak", department, siti())
                        .connect();
        visitors.add(siti);
        eventually(() -> main.chats().find(siti.sessionId()).isPresent());
        eventually(() -> "Siti Rahmawati".equals(desk.label("#chat-title")));
        return siti;
    }

    /** The agent clicks "Lampirkan" and "chooses" the file in the (test's) dialog. */
    private void attach(String name, byte[] content) throws IOException {
        Path file = Files.createDirectories(files.resolve(UUID.randomUUID().toString()));
        file = Files.write(file.resolve(name), content);
        ports.openDialog.willChoose(file);
        eventually(() -> !button("#attach-button").isDisabled());
        desk.robot().clickOn("#attach-button");
    }

    private static java.util.function.Predicate<ServerFrame.MessageNew> carrying(String ending) {
        return message ->
                message.attachment() != null && message.attachment().name().endsWith(ending);
    }

    private Button button(String id) {
        return desk.robot().lookup(id).queryAs(Button.class);
    }

    /** What the chat says about the agent's file, or null while it says nothing. */
    private String uploadStatus() {
        return desk.robot()
                .lookup("#upload-status")
                .tryQuery()
                .filter(label -> label.isVisible() && label.getParent().isVisible())
                .map(label -> ((javafx.scene.control.Label) label).getText())
                .orElse(null);
    }

    private String toast() {
        return desk.label("#toast");
    }

    /** The cell of the transcript showing the message with the file of that name. */
    private ListCell<?> cellOf(String fileName) {
        return desk.robot().lookup("#messages .list-cell").queryAllAs(ListCell.class).stream()
                .filter(
                        cell ->
                                cell.getItem() instanceof MessageItem item
                                        && item.attachment() != null
                                        && fileName.equals(item.attachment().name()))
                .findFirst()
                .orElse(null);
    }

    /** The picture shown for a file, once it has arrived; null while there is none. */
    private ImageView thumbnailOf(String fileName) {
        ListCell<?> cell = cellOf(fileName);
        if (cell == null) {
            return null;
        }
        return cell.lookupAll(".attachment-thumbnail").stream()
                .map(node -> (ImageView) node)
                .filter(view -> view.isVisible() && view.getParent() != null)
                .filter(view -> view.getImage() != null)
                .findFirst()
                .orElse(null);
    }

    /** "Buka" ({@code .attachment-open}) or "Simpan" ({@code .attachment-save}) of a file. */
    private Node fileButton(String fileName, String styleClass) {
        ListCell<?> cell = cellOf(fileName);
        return cell == null ? null : cell.lookup(styleClass);
    }

    private static ContactRequest siti() {
        return new ContactRequest(
                null,
                "Siti Rahmawati",
                "siti@majubersama.co.id",
                "+6281234567890",
                "Direktur",
                "PT Maju Bersama");
    }

    // the files

    /** A small, real PDF whose one page says {@code title}. */
    private static byte[] pdf(String title) {
        String stream = "BT /F1 18 Tf 72 720 Td (" + title + ") Tj ET";
        return ("%PDF-1.4\n"
                        + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                        + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                        + " /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n"
                        + "4 0 obj\n<< /Length "
                        + stream.length()
                        + " >>\nstream\n"
                        + stream
                        + "\nendstream\nendobj\n"
                        + "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"
                        + "trailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A Windows program: the DOS stub's MZ, and a PE header where it points. */
    private static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        return exe;
    }

    /** What a citizen's screenshot of the portal looks like: a page with an error box. */
    private static byte[] portalError(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4, 0xF6, 0xF9));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1E, 0x6F, 0xB8));
        g.fillRect(0, 0, width, height / 6);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 14)));
        g.drawString("OSS  Perizinan Berusaha", width / 24, height / 9);
        int boxX = width / 10;
        int boxY = height / 3;
        int boxW = width * 8 / 10;
        int boxH = height / 3;
        g.setColor(new Color(0xFD, 0xEC, 0xEC));
        g.fillRoundRect(boxX, boxY, boxW, boxH, 12, 12);
        g.setColor(new Color(0xC6, 0x28, 0x28));
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(boxX, boxY, boxW, boxH, 12, 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 16)));
        g.drawString("Galat 500", boxX + 14, boxY + boxH / 3 + 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, height / 22)));
        g.drawString("Permohonan tidak dapat diproses.", boxX + 14, boxY + boxH * 2 / 3 + 4);
        g.setColor(new Color(0x9A, 0xA5, 0xB1));
        g.fillRect(boxX, boxY + boxH + height / 12, boxW / 2, height / 24);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
