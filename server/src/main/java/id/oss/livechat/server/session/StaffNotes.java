package id.oss.livechat.server.session;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.message.MessageStore;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Staff-only notes in a chat's transcript: who handed the chat on, and the note left for the next
 * agent. They are stored as internal system messages, so staff see them in order with the chat, and
 * no visitor ever does (socket, REST history, mailed transcript).
 */
public class StaffNotes {
    private final MessageStore messages;
    private final ChatEventBus bus;

    public StaffNotes(MessageStore messages, ChatEventBus bus) {
        this.messages = messages;
        this.bus = bus;
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
        return messages.append(
                        new MessageStore.NewMessage(
                                sessionId,
                                "note-" + UUID.randomUUID(),
                                SenderType.SYSTEM,
                                null,
                                null,
                                text,
                                true))
                .flatMap(stored -> bus.publish(new ChatEvent.MessageStored(stored.message())));
    }
}
