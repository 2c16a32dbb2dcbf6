package id.oss.livechat.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ApiErrors;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestFiles;
import id.oss.livechat.server.support.Visitor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Files in a chat, over the real server and PostgreSQL: what a visitor and an agent send reaches
 * the other side as a message and downloads as the same picture or document, to them only; what a
 * chat must not accept is refused and leaves nothing behind.
 */
class AttachmentsTest extends ServerTest {
    private final List<ChatSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    private record Chat(Visitor.Session session, String agentToken, StaffFixture staff) {
        UUID id() {
            return UUID.fromString(session.id());
        }
    }

    /** A chat an agent serves. */
    private Chat servedChat() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("online", 3, department);
        Visitor visitor = new Visitor(http);
        Visitor.Session session =
                visitor.start(
                        Map.of(
                                "browser_uuid", visitor.browserUuid.toString(),
                                "topic", "Izin usaha",
                                "department_id", department.toString()));
        visitor.contact(session, Visitor.johnDoe()).expectStatus().isOk();
        assertThat(staff.agentOf(session.id())).isEqualTo(agent.id());
        return new Chat(session, staff.login(agent), staff);
    }

    @Test
    void aVisitorsScreenshotReachesTheAgentAsAMessageAndDownloadsAsTheSamePicture()
            throws Exception {
        Chat chat = servedChat();
        ChatSocket agentSide = socket("/ws/agent", chat.agentToken());
        byte[] png = TestFiles.png(64, 40);

        Map<String, Object> uploaded =
                visitorUploads(chat.session(), "galat-portal.png", png, MediaType.IMAGE_PNG)
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();

        assertThat(uploaded)
                .containsEntry("name", "galat-portal.png")
                .containsEntry("content_type", "image/png")
                .containsEntry("seq", 1);
        String attachmentId = (String) uploaded.get("attachment_id");
        // the agent sees it arrive live, as a message that carries the file
        ServerFrame.MessageNew live =
                agentSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 1);
        assertThat(live.attachment()).isNotNull();
        assertThat(live.attachment().id()).hasToString(attachmentId);
        assertThat(live.attachment().name()).isEqualTo("galat-portal.png");
        assertThat(live.attachment().contentType()).isEqualTo("image/png");
        assertThat(live.attachment().size()).isEqualTo(((Number) uploaded.get("size")).longValue());
        // and in the transcript
        http.get()
                .uri("/api/chat/session/" + chat.id() + "/messages")
                .headers(h -> h.setBearerAuth(chat.agentToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.messages[0].attachment.id")
                .isEqualTo(attachmentId)
                .jsonPath("$.messages[0].attachment.content_type")
                .isEqualTo("image/png");

        EntityExchangeResult<byte[]> download = download(attachmentId, chat.agentToken());
        HttpHeaders headers = download.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;")
                .contains("galat-portal.png");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(download.getResponseBody()));
        assertThat(picture.getWidth()).isEqualTo(64);
        assertThat(picture.getHeight()).isEqualTo(40);
    }

    @Test
    void anAgentsPdfReachesTheVisitorWhoDownloadsIt() {
        Chat chat = servedChat();
        ChatSocket visitorSide = socket("/ws/visitor", chat.session().token());
        byte[] pdf = TestFiles.pdf();

        Map<String, Object> uploaded =
                http.post()
                        .uri("/api/chat/session/" + chat.id() + "/attachments")
                        .headers(h -> h.setBearerAuth(chat.agentToken()))
                        .bodyValue(
                                TestFiles.form("Panduan NIB.pdf", pdf, MediaType.APPLICATION_PDF))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();

        ServerFrame.MessageNew live =
                visitorSide.await(ServerFrame.MessageNew.class, m -> m.seq() == 1);
        assertThat(live.attachment().name()).isEqualTo("Panduan NIB.pdf");
        assertThat(live.attachment().contentType()).isEqualTo("application/pdf");
        assertThat(live.sender().type().wire()).isEqualTo("agent");
        EntityExchangeResult<byte[]> download =
                download((String) uploaded.get("attachment_id"), chat.session().token());
        assertThat(download.getResponseBody()).isEqualTo(pdf);
        assertThat(download.getResponseHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PDF);
    }

    @Test
    void aPhotosGpsPositionIsGoneAfterUpload() throws Exception {
        Chat chat = servedChat();
        byte[] photo = TestFiles.jpegWithGps(48, 32);
        assertThat(TestFiles.contains(photo, TestFiles.gpsSecondsBytes())).isTrue();

        Map<String, Object> uploaded =
                visitorUploads(chat.session(), "surat-berstempel.jpg", photo, MediaType.IMAGE_JPEG)
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();

        byte[] stored =
                download((String) uploaded.get("attachment_id"), chat.session().token())
                        .getResponseBody();
        assertThat(TestFiles.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(TestFiles.contains(stored, TestFiles.gpsSecondsBytes())).isFalse();
        assertThat(((Number) uploaded.get("size")).intValue()).isEqualTo(stored.length);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(picture.getWidth()).isEqualTo(48);
        assertThat(picture.getHeight()).isEqualTo(32);
    }

    @Test
    void aProgramRenamedPdfIsRefusedAndLeavesNothing() {
        Chat chat = servedChat();

        ApiErrors.expect(
                visitorUploads(
                        chat.session(),
                        "izin-usaha.pdf",
                        TestFiles.exe(),
                        MediaType.APPLICATION_PDF),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_file_type");
        ApiErrors.expect(
                visitorUploads(chat.session(), "logo.png", TestFiles.svg(), MediaType.IMAGE_PNG),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_file_type");
        ApiErrors.expect(
                visitorUploads(chat.session(), "bukti.pdf", TestFiles.html(), MediaType.TEXT_HTML),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_file_type");

        assertNothingStored(chat);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndLeavesNothing() {
        Chat chat = servedChat();
        byte[] png = TestFiles.png(8, 8);
        byte[] tooLarge = java.util.Arrays.copyOf(png, 10 * 1024 * 1024 + 1);

        ApiErrors.expect(
                visitorUploads(chat.session(), "besar.png", tooLarge, MediaType.IMAGE_PNG),
                HttpStatus.CONTENT_TOO_LARGE,
                "file_too_large");

        assertNothingStored(chat);
    }

    @Test
    void aClosedChatTakesNoFileAndKeepsNoRow() {
        Chat chat = servedChat();
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(chat.agentToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", chat.id().toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
        long messages =
                count("SELECT count(*) FROM chat_messages WHERE session_id = '" + chat.id() + "'");

        ApiErrors.expect(
                visitorUploads(chat.session(), "a.png", TestFiles.png(8, 8), MediaType.IMAGE_PNG),
                HttpStatus.CONFLICT,
                "session_closed");

        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachments WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachment_contents WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isEqualTo(messages);
    }

    @Test
    void onlyTheChatsVisitorAndStaffWhoMaySeeItDownloadItsFiles() {
        Chat chat = servedChat();
        Chat other = servedChat();
        String attachmentId =
                (String)
                        visitorUploads(
                                        chat.session(),
                                        "ktp.jpg",
                                        TestFiles.jpeg(16, 16),
                                        MediaType.IMAGE_JPEG)
                                .expectStatus()
                                .isCreated()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("attachment_id");

        // another chat's visitor, and an agent who does not serve the chat
        ApiErrors.expect(
                downloadAs(attachmentId, other.session().token()),
                HttpStatus.FORBIDDEN,
                "forbidden");
        ApiErrors.expect(
                downloadAs(attachmentId, other.agentToken()), HttpStatus.FORBIDDEN, "forbidden");
        // nobody, a forged token, a file that does not exist
        ApiErrors.expect(
                http.get().uri("/api/attachments/" + attachmentId).exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
        downloadAs(attachmentId, "not-a-token").expectStatus().isUnauthorized().expectBody();
        ApiErrors.expect(
                downloadAs(UUID.randomUUID().toString(), chat.session().token()),
                HttpStatus.NOT_FOUND,
                "not_found");
        ApiErrors.expect(
                downloadAs("not-a-uuid", chat.session().token()),
                HttpStatus.NOT_FOUND,
                "not_found");
        // a supervisor oversees every chat
        downloadAs(attachmentId, demoToken("supervisor")).expectStatus().isOk().expectBody();
        // and the other chat's visitor cannot put a file into this chat either
        ApiErrors.expect(
                visitorUploads(
                        new Visitor.Session(chat.session().id(), other.session().token(), Map.of()),
                        "x.png",
                        TestFiles.png(8, 8),
                        MediaType.IMAGE_PNG),
                HttpStatus.FORBIDDEN,
                "forbidden");
        // nor an agent who does not serve it
        ApiErrors.expect(
                http.post()
                        .uri("/api/chat/session/" + chat.id() + "/attachments")
                        .headers(h -> h.setBearerAuth(other.agentToken()))
                        .bodyValue(
                                TestFiles.form("x.pdf", TestFiles.pdf(), MediaType.APPLICATION_PDF))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden");
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachments WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isEqualTo(1);
    }

    @Test
    void anUploadWithoutAFileIsABadRequest() {
        Chat chat = servedChat();
        ApiErrors.expect(
                http.post()
                        .uri("/api/oss-chat/session/" + chat.id() + "/attachments")
                        .headers(h -> h.setBearerAuth(chat.session().token()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("file", "x"))
                        .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type");
        org.springframework.http.client.MultipartBodyBuilder noFile =
                new org.springframework.http.client.MultipartBodyBuilder();
        noFile.part("note", "halo");
        ApiErrors.expect(
                http.post()
                        .uri("/api/oss-chat/session/" + chat.id() + "/attachments")
                        .headers(h -> h.setBearerAuth(chat.session().token()))
                        .bodyValue(noFile.build())
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "validation_failed");
        ApiErrors.expect(
                visitorUploads(
                        chat.session(), "kosong.pdf", new byte[0], MediaType.APPLICATION_PDF),
                HttpStatus.BAD_REQUEST,
                "validation_failed");
        assertNothingStored(chat);
    }

    private void assertNothingStored(Chat chat) {
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachments WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_attachment_contents WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_messages WHERE session_id = '"
                                        + chat.id()
                                        + "'"))
                .isZero();
    }

    private WebTestClient.ResponseSpec visitorUploads(
            Visitor.Session session, String name, byte[] content, MediaType claimed) {
        return http.post()
                .uri("/api/oss-chat/session/" + session.id() + "/attachments")
                .headers(h -> h.setBearerAuth(session.token()))
                .bodyValue(TestFiles.form(name, content, claimed))
                .exchange();
    }

    private EntityExchangeResult<byte[]> download(String attachmentId, String token) {
        return downloadAs(attachmentId, token)
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult();
    }

    private WebTestClient.ResponseSpec downloadAs(String attachmentId, String token) {
        return http.get()
                .uri("/api/attachments/" + attachmentId)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private ChatSocket socket(String path, String token) {
        ChatSocket socket = ChatSocket.signedIn(port, path, token);
        sockets.add(socket);
        return socket;
    }
}
