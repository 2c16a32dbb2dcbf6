package id.oss.livechat.server.attachment.web;

import id.oss.livechat.model.realtime.AttachmentUploaded;
import id.oss.livechat.server.attachment.AttachmentFile;
import id.oss.livechat.server.attachment.Attachments;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.system.web.PathIds;
import id.oss.livechat.server.system.web.RequestInfo;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Files in a chat over HTTP: uploads as {@code multipart/form-data} with one part {@code file},
 * read with a cap (never more than the largest file allowed is held), and downloads that a browser
 * saves rather than shows ({@code Content-Disposition: attachment}, {@code nosniff}).
 */
@RestController
public class AttachmentController {
    private final Attachments attachments;

    public AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(
            path = "/api/oss-chat/session/{id}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<AttachmentUploaded>> visitorUploads(
            @PathVariable("id") String id,
            @RequestPart(name = "file", required = false) Mono<Part> file,
            ServerHttpRequest request) {
        return attachments
                .uploadByVisitor(
                        PathIds.parse(id, "The session"),
                        RequestInfo.bearerToken(request),
                        upload(file))
                .map(AttachmentController::created);
    }

    @PostMapping(
            path = "/api/chat/session/{id}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<AttachmentUploaded>> staffUploads(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestPart(name = "file", required = false) Mono<Part> file) {
        return attachments
                .uploadByStaff(me, PathIds.parse(id, "The session"), upload(file))
                .map(AttachmentController::created);
    }

    @GetMapping("/api/attachments/{id}")
    public Mono<ResponseEntity<byte[]>> download(
            @PathVariable("id") String id, ServerHttpRequest request) {
        return attachments
                .download(PathIds.parse(id, "The attachment"), RequestInfo.bearerToken(request))
                .map(AttachmentController::asDownload);
    }

    /** The file as the use case reads it: not a byte before it asks, never more than the limit. */
    private Mono<Attachments.Upload> upload(Mono<Part> part) {
        return part.switchIfEmpty(Mono.error(Problem.invalidField("file", "is required")))
                .flatMap(AttachmentController::asFile)
                .flatMap(
                        file ->
                                DataBufferUtils.join(file.content(), attachments.maxBytes())
                                        .map(
                                                joined ->
                                                        new Attachments.Upload(
                                                                file.filename(), bytesOf(joined))))
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> Attachments.tooLarge(attachments.maxBytes()));
    }

    private static Mono<FilePart> asFile(Part part) {
        return part instanceof FilePart file
                ? Mono.just(file)
                : Mono.error(Problem.invalidField("file", "must be a file"));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ResponseEntity<AttachmentUploaded> created(AttachmentUploaded uploaded) {
        return ResponseEntity.status(HttpStatus.CREATED).body(uploaded);
    }

    private static ResponseEntity<byte[]> asDownload(AttachmentFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.attachment().contentType()));
        headers.setContentDisposition(
                ContentDisposition.attachment()
                        .filename(file.attachment().name(), StandardCharsets.UTF_8)
                        .build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("private, no-store");
        return new ResponseEntity<>(file.content(), headers, HttpStatus.OK);
    }
}
