package id.oss.livechat.server.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.server.common.events.ChatEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events cross nodes on Kafka as JSON: what one node publishes, another reads the same. */
class ChatEventCodecTest {
    private final ChatEventCodec codec = new ChatEventCodec();

    @Test
    void aVisitorChangeAndAStaffOnlyNoteCrossNodesIntact() {
        UUID session = UUID.randomUUID();
        ChatEvent changed = new ChatEvent.VisitorChanged(session, UUID.randomUUID());
        ChatEvent note =
                new ChatEvent.MessageStored(
                        new ChatMessage(
                                session,
                                3,
                                "note-1",
                                new Sender(SenderType.SYSTEM, null, null),
                                "Agus keluar; chat ini kembali ke antrean.",
                                Instant.parse("2026-11-25T10:15:30.123456Z"),
                                true));

        for (ChatEvent event : new ChatEvent[] {changed, note}) {
            ChatEventCodec.Envelope read = codec.decode(codec.encode("node-a", event));
            assertThat(read.origin()).isEqualTo("node-a");
            assertThat(read.event()).isEqualTo(event);
            assertThat(ChatEventCodec.keyOf(read.event())).isEqualTo(session.toString());
        }
    }
}
