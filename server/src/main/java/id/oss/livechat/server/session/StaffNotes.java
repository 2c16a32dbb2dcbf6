package id.oss.livechat.server.session;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Staff-only notes in a chat's transcript: who handed the chat on, and the note left for the next
 * agent. They are stored as internal system messages, so staff see them in order with the chat, and
 * no visitor ever does (socket, REST history, mailed transcript). What a note says is decided here;
 * the message feature writes it ({@link Writer}).
 */
public class StaffNotes {

    /**
     * Stores a staff-only note in the chat's transcript and tells the chat's sockets. Implemented
     * by the message feature, which depends on sessions, not the other way round.
     */
    @FunctionalInterface
    public interface Writer {
        Mono<Void> write(UUID sessionId, String text);
    }

    private final Writer writer;

    public StaffNotes(Writer writer) {
        this.writer = writer;
    }

    /** "Agus Pratama mengalihkan chat ke Layanan Umum. Catatan: …" */
    public Mono<Void> transferred(UUID sessionId, String who, String target, String note) {
        return write(
                sessionId,
                who
                        + " mengalihkan chat ke "
                        + target
                        + "."
                        + (note == null ? "" : " Catatan: " + note));
    }

    /** The agent signed out with the chat still open; it went back to the queue. */
    public Mono<Void> signedOut(UUID sessionId, String who) {
        return write(sessionId, who + " keluar; chat ini kembali ke antrean.");
    }

    private Mono<Void> write(UUID sessionId, String text) {
        return writer.write(sessionId, text);
    }
}
