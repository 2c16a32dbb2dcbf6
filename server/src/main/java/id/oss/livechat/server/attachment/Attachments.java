package id.oss.livechat.server.attachment;

import id.oss.livechat.model.realtime.AttachmentUploaded;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.message.Messaging;
import id.oss.livechat.server.message.Participant;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorAccess;
import id.oss.livechat.server.session.VisitorToken;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Files in a chat, both ways. An upload is checked before anything is stored: who sends it (a
 * visitor in its own chat, staff who may write in it), its size, and what its bytes are (PDF, PNG,
 * JPEG or WebP, whatever the name or the client says); images lose their metadata. Then the file
 * and the chat message that carries it are stored together (see {@link Messaging#sendAttachment}).
 * A download is allowed to whoever may read the chat: its visitor, or staff who may open it.
 */
public class Attachments {
    /** What a chat accepts, as sniffed from the bytes. */
    public static final Set<String> ALLOWED_TYPES =
            Set.of("application/pdf", "image/png", "image/jpeg", "image/webp");

    private final AttachmentRepository attachments;
    private final AttachmentStore contents;
    private final FileTypes types;
    private final Messaging messaging;
    private final VisitorAccess visitors;
    private final StaffSessions staffSessions;
    private final StaffTokenVerifier staffTokens;
    private final int maxBytes;

    /** A file as it arrived: the name the client gave it, and its bytes. */
    public record Upload(String fileName, byte[] content) {}

    public Attachments(
            AttachmentRepository attachments,
            AttachmentStore contents,
            FileTypes types,
            Messaging messaging,
            VisitorAccess visitors,
            StaffSessions staffSessions,
            StaffTokenVerifier staffTokens,
            int maxBytes) {
        this.attachments = attachments;
        this.contents = contents;
        this.types = types;
        this.messaging = messaging;
        this.visitors = visitors;
        this.staffSessions = staffSessions;
        this.staffTokens = staffTokens;
        this.maxBytes = maxBytes;
    }

    /** The largest file accepted, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * A visitor's upload. {@code upload} reads the file when subscribed: only once the token is
     * checked.
     */
    public Mono<AttachmentUploaded> uploadByVisitor(
            UUID sessionId, String token, Mono<Upload> upload) {
        return visitors.authorize(sessionId, token)
                .then(upload)
                .flatMap(file -> store(new Participant.Visitor(sessionId), sessionId, file));
    }

    /** Staff's upload, into a chat they may write in (checked as the message is stored). */
    public Mono<AttachmentUploaded> uploadByStaff(
            Staff staff, UUID sessionId, Mono<Upload> upload) {
        return upload.flatMap(file -> store(new Participant.Member(staff), sessionId, file));
    }

    private Mono<AttachmentUploaded> store(Participant from, UUID sessionId, Upload upload) {
        String fileName = upload.fileName();
        byte[] sent = upload.content();
        Attachment attachment;
        byte[] content;
        try {
            String type = acceptedType(sent);
            content = ImageMetadata.strip(type, sent);
            attachment =
                    new Attachment(
                            UUID.randomUUID(),
                            sessionId,
                            FileName.clean(fileName, type),
                            type,
                            content.length);
        } catch (Problem refused) {
            return Mono.error(refused);
        }
        Mono<Void> storeFile =
                attachments.insert(attachment).then(contents.put(attachment, content));
        return messaging
                .sendAttachment(from, sessionId, attachment.info(), storeFile)
                .map(
                        ack ->
                                new AttachmentUploaded(
                                        attachment.id(),
                                        attachment.name(),
                                        attachment.contentType(),
                                        attachment.size(),
                                        ack.seq()));
    }

    /** The type the bytes are, if a chat accepts it and its size is within the limit. */
    private String acceptedType(byte[] content) {
        if (content.length == 0) {
            throw Problem.invalidField("file", "is empty");
        }
        if (content.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String type = types.detect(content);
        if (!ALLOWED_TYPES.contains(type)) {
            throw new Problem(
                    Problem.Kind.UNSUPPORTED_TYPE,
                    "unsupported_file_type",
                    "Only PDF, PNG, JPEG and WebP files can be sent; this file is " + type + ".");
        }
        return type;
    }

    /** The refusal of a file over the limit. */
    public static Problem tooLarge(int maxBytes) {
        return new Problem(
                Problem.Kind.TOO_LARGE,
                "file_too_large",
                "A file may have at most " + maxBytes + " bytes.");
    }

    /**
     * The file, for the bearer of the chat's visitor token or of a staff token whose owner may open
     * the chat. No token: 401; an unknown file: 404; another chat's visitor: 403.
     */
    public Mono<AttachmentFile> download(UUID attachmentId, String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(
                    Problem.unauthorized(
                            "unauthorized",
                            "Send the chat's visitor_token or a staff token as a Bearer token."));
        }
        return staffTokenStillValid(token)
                .then(attachments.find(attachmentId))
                .switchIfEmpty(Mono.error(Problem.notFound("The attachment")))
                .flatMap(attachment -> mayRead(attachment, token).thenReturn(attachment))
                .flatMap(this::withContent);
    }

    /**
     * A revoked or expired staff token is told so (401) before anything is looked up, whatever the
     * file; a visitor token is checked against the file's chat.
     */
    private Mono<Void> staffTokenStillValid(String token) {
        return VisitorToken.looksValid(token) ? Mono.empty() : staffTokens.verify(token).then();
    }

    private Mono<Void> mayRead(Attachment attachment, String token) {
        if (VisitorToken.looksValid(token)) {
            return visitors.authorize(attachment.sessionId(), token).then();
        }
        return staffTokens
                .verify(token)
                .flatMap(verified -> staffSessions.get(verified.staff(), attachment.sessionId()))
                .then();
    }

    private Mono<AttachmentFile> withContent(Attachment attachment) {
        return contents.get(attachment)
                .switchIfEmpty(Mono.error(Problem.notFound("The attachment")))
                .map(bytes -> new AttachmentFile(attachment, bytes));
    }
}
