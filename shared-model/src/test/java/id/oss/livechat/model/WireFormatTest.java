package id.oss.livechat.model;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.StartChatRequest;
import id.oss.livechat.model.visitor.StartChatResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The records travel in the seed's snake_case with lower-case enum names. */
class WireFormatTest {
    private final JsonMapper json =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build();

    @Test
    void aStartRequestReadsTheSeedsJson() {
        StartChatRequest request =
                json.readValue(
                        """
                {"browser_uuid":"6f1c2b8e-3f7a-4c1e-9a51-0c2f6b1d9e42",
                 "topic":"Pertanyaan tentang izin usaha","priority":"urgent","language":"en"}""",
                        StartChatRequest.class);
        assertThat(request.browserUuid())
                .isEqualTo(UUID.fromString("6f1c2b8e-3f7a-4c1e-9a51-0c2f6b1d9e42"));
        assertThat(request.priority()).isEqualTo(Priority.URGENT);
        assertThat(request.language()).isEqualTo(Language.EN);
        assertThat(request.ossUserId()).isNull();
        assertThat(request.topicCode()).isNull();
    }

    @Test
    void aStartRequestReadsATopicCode() {
        StartChatRequest request =
                json.readValue(
                        """
                {"browser_uuid":"6f1c2b8e-3f7a-4c1e-9a51-0c2f6b1d9e42","topic_code":"nib"}""",
                        StartChatRequest.class);
        assertThat(request.topicCode()).isEqualTo("nib");
        assertThat(request.topic()).isNull();
    }

    @Test
    void aStaffSessionSaysWhetherItIsALeftMessage() {
        Instant left = Instant.parse("2026-11-25T16:05:00Z");
        StaffSession session =
                new StaffSession(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        SessionStatus.WAITING,
                        "Pendaftaran NIB",
                        Priority.NORMAL,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        left,
                        left,
                        null,
                        null,
                        null,
                        1,
                        1,
                        1,
                        null,
                        "nib",
                        true,
                        left,
                        null);
        String text = json.writeValueAsString(session);
        assertThat(text)
                .contains(
                        "\"topic_code\":\"nib\"",
                        "\"left_message\":true",
                        "\"left_message_at\":\"2026-11-25T16:05:00Z\"");
        assertThat(json.readValue(text, StaffSession.class)).isEqualTo(session);
    }

    @Test
    void aStartResponseWritesSnakeCaseAndIsoTimes() {
        StartChatResponse response =
                new StartChatResponse(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        SessionStatus.WAITING,
                        true,
                        "vt_x",
                        true,
                        "Pendaftaran NIB",
                        "nib",
                        Priority.NORMAL,
                        null,
                        1,
                        null,
                        0,
                        Instant.parse("2026-11-25T10:15:30Z"));
        String text = json.writeValueAsString(response);
        assertThat(text)
                .contains(
                        "\"session_id\"",
                        "\"requires_contact\":true",
                        "\"status\":\"waiting\"",
                        "\"priority\":\"normal\"",
                        "\"topic_code\":\"nib\"",
                        "\"started_at\":\"2026-11-25T10:15:30Z\"")
                .doesNotContain("sessionId");
    }

    @Test
    void anErrorOmitsEmptyFields() {
        assertThat(json.writeValueAsString(new ApiError("not_found", "The session was not found.")))
                .isEqualTo("{\"error\":\"not_found\",\"message\":\"The session was not found.\"}");
    }
}
