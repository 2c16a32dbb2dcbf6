package id.oss.livechat.server.message.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.message.MessageStore;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.Visitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends that arrive together are stored together, in one statement and one commit, with the same
 * guarantees as one at a time: every message stored once, numbered 1, 2, 3 … per session without
 * gaps, a resend answered with its first number, nothing stored in a closed chat.
 */
class GroupedAppendTest extends ServerTest {

    @Test
    void concurrentAppendsAndResendsAreStoredOnceAndNumberedWithoutGaps() {
        // one statement at a time: everything that arrives meanwhile is grouped
        R2dbcMessageStore store = new R2dbcMessageStore(db, 1);
        int perSession = 30;
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sessions.add(UUID.fromString(new Visitor(http).start("Izin " + i).id()));
        }
        List<Mono<MessageStore.Stored>> appends = new ArrayList<>();
        for (int m = 0; m < perSession; m++) {
            for (UUID session : sessions) {
                appends.add(store.append(message(session, "c" + m, "pesan " + m)));
                if (m % 6 == 0) {
                    // a resend of the same client id, at the same moment
                    appends.add(store.append(message(session, "c" + m, "pesan " + m)));
                }
            }
        }

        List<MessageStore.Stored> results =
                Flux.merge(Flux.fromIterable(appends), 1000)
                        .collectList()
                        .block(Duration.ofSeconds(60));

        assertThat(results).hasSize(appends.size());
        assertThat(store.groupedStatements()).isPositive();
        for (UUID session : sessions) {
            List<MessageStore.Stored> mine =
                    results.stream().filter(r -> r.message().sessionId().equals(session)).toList();
            // each client id has exactly one number, whoever asked
            Map<String, Set<Long>> seqsByClient = new HashMap<>();
            mine.forEach(
                    r ->
                            seqsByClient
                                    .computeIfAbsent(
                                            r.message().clientMsgId(), k -> new TreeSet<>())
                                    .add(r.message().seq()));
            assertThat(seqsByClient).hasSize(perSession);
            assertThat(seqsByClient.values()).allSatisfy(s -> assertThat(s).hasSize(1));
            // the numbers are 1..30, no gaps, no repeats
            List<Long> numbers =
                    seqsByClient.values().stream()
                            .map(set -> set.iterator().next())
                            .sorted()
                            .toList();
            assertThat(numbers)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, perSession).boxed().toList());
            assertThat(mine.stream().filter(r -> !r.duplicate()).count()).isEqualTo(perSession);
            assertThat(stored(session)).isEqualTo(perSession);
            assertThat(lastSeq(session)).isEqualTo(perSession);
        }
    }

    @Test
    void aClosedChatInAGroupStoresNothingAndTheOthersAreStored() {
        R2dbcMessageStore store = new R2dbcMessageStore(db, 1);
        UUID open = UUID.fromString(new Visitor(http).start("Izin buka").id());
        UUID closed = UUID.fromString(new Visitor(http).start("Izin tutup").id());
        db.sql("UPDATE chat_sessions SET status = 'closed', ended_at = now() WHERE id = :id")
                .bind("id", closed)
                .then()
                .block();

        List<Mono<Object>> appends = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            appends.add(store.append(message(open, "o" + m, "halo")).map(r -> (Object) r));
            appends.add(
                    store.append(message(closed, "x" + m, "halo"))
                            .map(r -> (Object) r)
                            .onErrorResume(e -> Mono.just(e)));
        }
        List<Object> results =
                Flux.merge(Flux.fromIterable(appends), 1000)
                        .collectList()
                        .block(Duration.ofSeconds(60));

        assertThat(results.stream().filter(r -> r instanceof MessageStore.Stored)).hasSize(20);
        assertThat(results.stream().filter(r -> r instanceof Problem))
                .hasSize(20)
                .allSatisfy(p -> assertThat(((Problem) p).code()).isEqualTo("session_closed"));
        assertThat(stored(open)).isEqualTo(20);
        assertThat(stored(closed)).isZero();
    }

    @Test
    void staffOnlyNotesStoredInAGroupStayStaffOnly() {
        R2dbcMessageStore store = new R2dbcMessageStore(db, 1);
        UUID session = UUID.fromString(new Visitor(http).start("Izin catatan").id());
        List<Mono<MessageStore.Stored>> appends = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            appends.add(store.append(message(session, "v" + m, "halo " + m)));
            appends.add(
                    store.append(
                            new MessageStore.NewMessage(
                                    session,
                                    "n" + m,
                                    SenderType.SYSTEM,
                                    null,
                                    null,
                                    "catatan staf " + m,
                                    true)));
        }

        List<MessageStore.Stored> results =
                Flux.merge(Flux.fromIterable(appends), 1000)
                        .collectList()
                        .block(Duration.ofSeconds(60));

        assertThat(store.groupedStatements()).isPositive();
        assertThat(results)
                .allSatisfy(
                        r ->
                                assertThat(r.message().internal())
                                        .isEqualTo(r.message().clientMsgId().startsWith("n")));
        assertThat(
                        db.sql(
                                        "SELECT count(*) AS n FROM chat_messages WHERE session_id = :s"
                                                + " AND internal = (client_msg_id LIKE 'n%')")
                                .bind("s", session)
                                .map(row -> row.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(40);
        // what the visitor may read leaves every note out, and counts only what it shows
        assertThat(store.visibleToVisitorAfter(session, 0, 100).collectList().block())
                .hasSize(20)
                .allSatisfy(m -> assertThat(m.text()).startsWith("halo"));
        assertThat(store.visibleToVisitorAfter(session, 0, 5).collectList().block()).hasSize(5);
        // a resend of a note comes back as the note it is
        MessageStore.Stored again =
                store.append(
                                new MessageStore.NewMessage(
                                        session,
                                        "n3",
                                        SenderType.SYSTEM,
                                        null,
                                        null,
                                        "catatan staf 3",
                                        true))
                        .block();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().internal()).isTrue();
    }

    private static MessageStore.NewMessage message(UUID session, String clientId, String text) {
        return new MessageStore.NewMessage(session, clientId, SenderType.VISITOR, null, null, text);
    }

    private long stored(UUID session) {
        return db.sql("SELECT count(*) AS n FROM chat_messages WHERE session_id = :s")
                .bind("s", session)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private long lastSeq(UUID session) {
        return db.sql("SELECT last_seq FROM chat_sessions WHERE id = :s")
                .bind("s", session)
                .map(row -> row.get("last_seq", Integer.class).longValue())
                .one()
                .block();
    }
}
