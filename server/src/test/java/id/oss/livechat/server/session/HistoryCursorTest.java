package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.oss.livechat.server.common.Problem;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HistoryCursorTest {

    @Test
    void aCursorReadsBackToTheSamePlaceToTheMicrosecond() {
        HistoryCursor cursor =
                new HistoryCursor(Instant.parse("2026-11-25T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(HistoryCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorWeDidNotIssueIsAFieldError() {
        assertThatThrownBy(() -> HistoryCursor.decode("bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.fields()).containsKey("cursor"));
    }
}
