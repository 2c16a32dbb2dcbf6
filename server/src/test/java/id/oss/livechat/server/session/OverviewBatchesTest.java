package id.oss.livechat.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.oss.livechat.server.session.internal.R2dbcSessionRepository;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A routing pass's assignments each need their chat's overview for the sockets they go to: asked at
 * the same moment, they are read in a few queries, and each ask still gets its own chat.
 */
class OverviewBatchesTest extends ServerTest {

    @Test
    void aRushOfAsksIsReadInAFewQueriesAndEachGetsItsOwnChat() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        List<UUID> chats = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Visitor.Session session = staff.waitingSession(department, "normal");
            chats.add(UUID.fromString(session.id()));
        }
        UUID unknown = UUID.randomUUID();
        R2dbcSessionRepository repository = new R2dbcSessionRepository(db, Duration.ofMinutes(2));
        List<Integer> reads = new CopyOnWriteArrayList<>();
        OverviewBatches batches =
                new OverviewBatches(
                        ids -> {
                            reads.add(ids.size());
                            return repository.overviewsOf(ids);
                        });

        List<UUID> asked = new ArrayList<>(chats);
        asked.add(unknown);
        List<Optional<UUID>> answers =
                Flux.fromIterable(asked)
                        .flatMapSequential(
                                id ->
                                        batches.overview(id)
                                                .map(o -> Optional.of(o.id()))
                                                .defaultIfEmpty(Optional.empty()),
                                asked.size())
                        .collectList()
                        .block(Duration.ofSeconds(30));

        List<Optional<UUID>> expected = new ArrayList<>(chats.stream().map(Optional::of).toList());
        expected.add(Optional.empty());
        assertThat(answers).isEqualTo(expected);
        assertThat(reads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(asked.size());
        assertThat(reads)
                .as("one read for the first ask, then the rest together")
                .hasSizeLessThan(5);
    }

    @Test
    void aFailedReadFailsItsAsksAndTheNextAsksAreReadAgain() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID chat = UUID.fromString(staff.waitingSession(staff.department(), "normal").id());
        R2dbcSessionRepository repository = new R2dbcSessionRepository(db, Duration.ofMinutes(2));
        AtomicBoolean down = new AtomicBoolean(true);
        OverviewBatches batches =
                new OverviewBatches(
                        ids ->
                                down.getAndSet(false)
                                        ? Flux.error(new IllegalStateException("database down"))
                                        : repository.overviewsOf(ids));

        assertThatThrownBy(() -> batches.overview(chat).block(Duration.ofSeconds(10)))
                .hasMessageContaining("database down");
        assertThat(batches.overview(chat).map(SessionOverview::id).block(Duration.ofSeconds(10)))
                .isEqualTo(chat);
    }
}
