package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.routing.internal.R2dbcQueueRepository;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A waiting visitor's place in the queue is the same whether it is asked for alone (a socket
 * signing in) or with many others (the periodic refresh of every waiting visitor).
 */
class QueuePositionsTest extends ServerTest {

    @Test
    void oneAtATimeAndAllAtOnceGiveTheSamePlacesInPriorityThenArrivalOrder() {
        UUID department = new StaffFixture(db, http).department();
        String[] priorities = {"low", "normal", "urgent", "high"};
        List<UUID> sessions = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 24; i++) {
            byte[] tokenHash = new byte[32];
            random.nextBytes(tokenHash);
            sessions.add(
                    db.sql(
                                    """
                    WITH visitor AS (INSERT INTO chat_users (browser_uuid) VALUES (gen_random_uuid()) RETURNING id)
                    INSERT INTO chat_sessions (chat_user_id, department_id, topic, priority, visitor_token_hash, queued_at)
                    SELECT id, :dept, 'Antrean', :priority, :hash, now() - make_interval(secs => :age) FROM visitor RETURNING id""")
                            .bind("dept", department)
                            .bind("priority", priorities[i % 4])
                            .bind("hash", java.nio.ByteBuffer.wrap(tokenHash))
                            .bind("age", 100 - i)
                            .map(row -> row.get(0, UUID.class))
                            .one()
                            .block());
        }
        assertThat(sessions.size()).isGreaterThan(R2dbcQueueRepository.COUNT_EACH_UP_TO);
        R2dbcQueueRepository queue = new R2dbcQueueRepository(db);

        Map<UUID, Integer> allAtOnce =
                queue.positionsOf(sessions)
                        .collectMap(
                                QueueRepository.Position::sessionId,
                                QueueRepository.Position::position)
                        .block(Duration.ofSeconds(30));
        Map<UUID, Integer> oneAtATime =
                Flux.fromIterable(sessions)
                        .concatMap(id -> queue.positionsOf(List.of(id)))
                        .collectMap(
                                QueueRepository.Position::sessionId,
                                QueueRepository.Position::position)
                        .block(Duration.ofSeconds(30));

        assertThat(oneAtATime).isEqualTo(allAtOnce);
        // urgent first (i = 2, 6, 10 …, oldest first), then high, normal, low
        List<UUID> expected = new ArrayList<>();
        for (String priority : List.of("urgent", "high", "normal", "low")) {
            int offset = List.of(priorities).indexOf(priority);
            for (int i = offset; i < 24; i += 4) {
                expected.add(sessions.get(i));
            }
        }
        assertThat(
                        allAtOnce.entrySet().stream()
                                .sorted(Map.Entry.comparingByValue())
                                .map(Map.Entry::getKey)
                                .collect(Collectors.toList()))
                .isEqualTo(expected);
        assertThat(allAtOnce.values())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
    }
}
