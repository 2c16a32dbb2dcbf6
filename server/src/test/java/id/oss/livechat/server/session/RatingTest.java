package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.Visitor;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RatingTest extends ServerTest {

    private WebTestClient.ResponseSpec rate(Visitor.Session session, Object body) {
        return http.post()
                .uri("/api/oss-chat/session/{id}/rating", session.id())
                .headers(h -> h.setBearerAuth(session.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String stored(Visitor.Session session) {
        return db.sql(
                        "SELECT coalesce(rating::text, '-') || '/' || coalesce(rating_comment, '-') FROM chat_sessions WHERE id = :id")
                .bind("id", UUID.fromString(session.id()))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private void close(Visitor.Session session) {
        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aVisitorRatesAClosedChatOnce() {
        Visitor.Session session = new Visitor(http).start("Penilaian");
        rate(session, Map.of("rating", 5))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("session_not_closed");
        close(session);

        rate(session, Map.of("rating", 4, "comment", "Cepat dan jelas"))
                .expectStatus()
                .isNoContent();
        assertThat(stored(session)).isEqualTo("4/Cepat dan jelas");

        rate(session, Map.of("rating", 1, "comment", "Berubah pikiran"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("already_rated");
        assertThat(stored(session)).isEqualTo("4/Cepat dan jelas");
    }

    @Test
    void aRatingOutOfRangeOrWithoutATokenChangesNothing() {
        Visitor.Session session = new Visitor(http).start("Penilaian salah");
        close(session);
        for (Object bad : new Object[] {0, 6, -1, "lima", 3.5}) {
            rate(session, Map.of("rating", bad))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.fields.rating")
                    .isNotEmpty();
        }
        rate(session, Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.rating")
                .isNotEmpty();
        rate(session, Map.of("rating", 3, "comment", "x".repeat(1001)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.fields.comment")
                .isNotEmpty();
        http.post()
                .uri("/api/oss-chat/session/{id}/rating", session.id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rating", 3))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(stored(session)).isEqualTo("-/-");
    }
}
