package id.oss.livechat.desktop.e2e;

import id.oss.livechat.desktop.connection.FrameCodec;
import id.oss.livechat.desktop.util.Json;
import id.oss.livechat.model.Priority;
import id.oss.livechat.model.realtime.AttachmentUploaded;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.visitor.ContactRequest;
import id.oss.livechat.model.visitor.StartChatRequest;
import id.oss.livechat.model.visitor.StartChatResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A portal visitor as the widget is one: starts a chat over the visitor REST API, gives contact
 * details, and talks on {@code /ws/visitor} (java.net.http's WebSocket), recording every frame.
 */
public final class VisitorClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ServerFrame> received = new CopyOnWriteArrayList<>();
    private StartChatResponse session;
    private WebSocket socket;

    public VisitorClient(String base) {
        this.base = base;
    }

    /** {@code POST /api/oss-chat/start} as an anonymous visitor, then the contact form. */
    public VisitorClient start(String topic, ContactRequest contact) {
        return start(topic, null, contact);
    }

    /**
     * Starts a chat in a department ({@code null}: the default one); with a contact, fills in the
     * form right after, as the widget does (a chat may be assigned in between).
     */
    public VisitorClient start(String topic, UUID departmentId, ContactRequest contact) {
        session =
                post(
                        "/api/oss-chat/start",
                        null,
                        new StartChatRequest(
                                UUID.randomUUID(),
                                null,
                                null,
                                null,
                                topic,
                                Priority.NORMAL,
                                departmentId,
                                null),
                        201,
                        StartChatResponse.class);
        if (contact != null) {
            giveContact(contact);
        }
        return this;
    }

    /**
     * Starts a chat as the widget does on a portal that passes the citizen's case: no department
     * chosen, the page's {@code defaultDepartmentId}, the case and its signature ({@code null}: not
     * signed); then the contact form.
     */
    public VisitorClient startWithCase(
            String topic,
            UUID defaultDepartmentId,
            java.util.Map<String, Object> context,
            String contextHash,
            ContactRequest contact) {
        session =
                post(
                        "/api/oss-chat/start",
                        null,
                        new StartChatRequest(
                                UUID.randomUUID(),
                                null,
                                null,
                                null,
                                topic,
                                Priority.NORMAL,
                                null,
                                null,
                                null,
                                context,
                                contextHash,
                                defaultDepartmentId),
                        201,
                        StartChatResponse.class);
        if (contact != null) {
            giveContact(contact);
        }
        return this;
    }

    /** The contact form: {@code POST /api/oss-chat/contact}. */
    public VisitorClient giveContact(ContactRequest contact) {
        post(
                "/api/oss-chat/contact",
                session.visitorToken(),
                new ContactRequest(
                        session.sessionId(),
                        contact.contactName(),
                        contact.contactEmail(),
                        contact.contactPhone(),
                        contact.position(),
                        contact.companyName()),
                200,
                Object.class);
        return this;
    }

    public UUID sessionId() {
        return session.sessionId();
    }

    /**
     * Sends a file as the widget does ({@code POST /api/oss-chat/session/:id/attachments}, one
     * multipart part {@code file}); the server's answer.
     */
    public AttachmentUploaded upload(String fileName, byte[] content) {
        String boundary = "----visitor" + UUID.randomUUID().toString().replace("-", "");
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        base
                                                + "/api/oss-chat/session/"
                                                + sessionId()
                                                + "/attachments"))
                        .timeout(WAIT)
                        .header("Authorization", "Bearer " + session.visitorToken())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                        .build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("upload: " + response.statusCode() + " " + response.body());
        }
        return Json.mapper().readValue(response.body(), AttachmentUploaded.class);
    }

    /** A file of the chat as the widget's link fetches it, with the visitor's token. */
    public byte[] download(UUID attachmentId) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + "/api/attachments/" + attachmentId))
                        .timeout(WAIT)
                        .header("Authorization", "Bearer " + session.visitorToken())
                        .GET()
                        .build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("download: " + response.statusCode());
        }
        return response.body();
    }

    /** The chat as the widget reads it over REST ({@code GET .../messages}). */
    public List<ChatMessage> messages() {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        base
                                                + "/api/oss-chat/session/"
                                                + sessionId()
                                                + "/messages?limit=500"))
                        .timeout(WAIT)
                        .header("Authorization", "Bearer " + session.visitorToken())
                        .GET()
                        .build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("messages: " + response.statusCode() + " " + response.body());
        }
        return Json.mapper().readValue(response.body(), MessagePage.class).messages();
    }

    private <B> HttpResponse<B> exchange(HttpRequest request, HttpResponse.BodyHandler<B> body) {
        try {
            return http.send(request, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the visitor socket and signs in with the session's token. */
    public VisitorClient connect() {
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "/ws/visitor");
        socket = http.newWebSocketBuilder().buildAsync(uri, new Recorder()).join();
        send(new ClientFrame.Auth(session.visitorToken()));
        await(ServerFrame.AuthOk.class, ok -> true);
        return this;
    }

    /** Sends a message and waits for the server's ack. */
    public ServerFrame.MessageAck say(String text) {
        String id = UUID.randomUUID().toString();
        send(new ClientFrame.MessageSend(session.sessionId(), id, text));
        return await(ServerFrame.MessageAck.class, ack -> id.equals(ack.clientMsgId()));
    }

    public void typing(boolean typing) {
        send(new ClientFrame.Typing(session.sessionId(), typing));
    }

    public void read(long upToSeq) {
        send(new ClientFrame.Read(session.sessionId(), upToSeq));
    }

    public void send(ClientFrame frame) {
        socket.sendText(Json.mapper().writeValueAsString(frame), true).join();
    }

    /** Every frame the visitor's socket received so far. */
    public List<ServerFrame> received() {
        return List.copyOf(received);
    }

    /** The first frame of {@code type} matching, waiting for it if need be. */
    public <T extends ServerFrame> T await(Class<T> type, Predicate<T> matching) {
        return org.awaitility.Awaitility.await(
                        "a " + type.getSimpleName() + " among the visitor's frames " + received)
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () ->
                                received.stream()
                                        .filter(type::isInstance)
                                        .map(type::cast)
                                        .filter(matching)
                                        .findFirst()
                                        .orElse(null),
                        found -> found != null);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
        }
    }

    private <T> T post(String path, String token, Object body, int status, Class<T> type) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(WAIT)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        Json.mapper().writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new AssertionError(
                        "POST " + path + ": " + response.statusCode() + " " + response.body());
            }
            return Json.mapper().readValue(response.body(), type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Collects text frames (a frame may arrive in parts) and keeps asking for more. */
    private final class Recorder implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final FrameCodec codec = new FrameCodec();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                codec.decode(partial.toString()).ifPresent(received::add);
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
