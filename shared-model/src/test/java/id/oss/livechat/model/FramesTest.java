package id.oss.livechat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.model.realtime.ServerFrame;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class FramesTest {
    private final JsonMapper json =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build();
    private final UUID session = UUID.fromString("b05d384d-b645-45f7-b2ec-b5595ea9e7e4");

    @Test
    void clientFramesReadByTheirType() {
        assertThat(json.readValue("{\"type\":\"auth\",\"token\":\"vt_x\"}", ClientFrame.class))
                .isEqualTo(new ClientFrame.Auth("vt_x"));
        assertThat(
                        json.readValue(
                                "{\"type\":\"message.send\",\"session_id\":\""
                                        + session
                                        + "\",\"client_msg_id\":\"c1\",\"text\":\"Halo\"}",
                                ClientFrame.class))
                .isEqualTo(new ClientFrame.MessageSend(session, "c1", "Halo"));
        assertThat(
                        json.readValue(
                                "{\"type\":\"resume\",\"session_id\":\""
                                        + session
                                        + "\",\"after_seq\":7}",
                                ClientFrame.class))
                .isEqualTo(new ClientFrame.Resume(session, 7));
    }

    @Test
    void serverFramesWriteTheirType() {
        String text =
                json.writeValueAsString(
                        new ServerFrame.MessageNew(
                                session,
                                3,
                                "c1",
                                new Sender(SenderType.AGENT, null, "Agen Satu"),
                                "Selamat siang",
                                Instant.parse("2026-11-25T10:15:30Z")));
        assertThat(text)
                .startsWith("{\"type\":\"message.new\"")
                .contains(
                        "\"seq\":3",
                        "\"sender\":{\"type\":\"agent\"",
                        "\"sent_at\":\"2026-11-25T10:15:30Z\"");
        assertThat(json.readValue(text, ServerFrame.class))
                .isInstanceOf(ServerFrame.MessageNew.class);
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(
                        () -> json.readValue("{\"type\":\"launch.missiles\"}", ClientFrame.class))
                .isInstanceOf(JacksonException.class);
    }
}
