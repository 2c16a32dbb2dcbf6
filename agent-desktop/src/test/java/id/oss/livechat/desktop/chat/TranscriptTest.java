package id.oss.livechat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.model.realtime.ChatMessage;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    private final UUID session = DemoData.uuid(7);
    private final Transcript transcript = new Transcript();

    private ChatMessage visitor(long seq) {
        return new ChatMessage(
                session,
                seq,
                "v" + seq,
                DemoData.visitor(DemoData.SITI),
                "pesan " + seq,
                DemoData.NOW);
    }

    @Test
    void lastSeqIsTheHighestWithoutAHole() {
        transcript.addStored(visitor(1));
        transcript.addStored(visitor(2));
        transcript.addStored(visitor(5));

        assertThat(transcript.lastSeq()).isEqualTo(2);
        assertThat(transcript.hasGap()).isTrue();

        transcript.addStored(visitor(3));
        transcript.addStored(visitor(4));
        assertThat(transcript.lastSeq()).isEqualTo(5);
        assertThat(transcript.hasGap()).isFalse();
    }

    @Test
    void pendingMessagesStayBelowStoredOnes() {
        transcript.addStored(visitor(1));
        transcript.addPending("c1", "Dewi", "sebentar", DemoData.NOW);
        transcript.addStored(visitor(2));

        assertThat(transcript.items())
                .extracting(MessageItem::text)
                .containsExactly("pesan 1", "pesan 2", "sebentar");
        assertThat(transcript.pending()).extracting(MessageItem::clientMsgId).containsExactly("c1");
    }

    @Test
    void anAckForAnUnknownMessageChangesNothing() {
        transcript.addStored(visitor(1));

        assertThat(transcript.acknowledge("nobody", 2, DemoData.NOW)).isFalse();
        assertThat(transcript.items()).hasSize(1);
    }

    @Test
    void aSeqBelowOneIsIgnored() {
        assertThat(transcript.addStored(visitor(0))).isFalse();
        assertThat(transcript.items()).isEmpty();
    }
}
