package id.oss.livechat.server.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.search.Candidate;
import id.oss.livechat.server.search.SearchCursor;
import id.oss.livechat.server.search.SearchScope;
import id.oss.livechat.server.support.DeskCalls;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The search reads every match of rare words, and walks the newest chats for words found
 * everywhere: both must find the same chats in the same order, the walk must hand over when it
 * finds too few, and both must keep to what the caller may see.
 */
class BothWaysOfSearchingTest extends ServerTest {

    @Test
    void readingEveryMatchAndWalkingTheNewestChatsFindTheSameWindow() {
        DeskCalls desk = new DeskCalls(http);
        StaffFixture staff = new StaffFixture(db, http);
        UUID mine = staff.department();
        UUID other = staff.department();
        StaffFixture.Member agent = staff.agent("online", 20, mine);
        staff.agent("online", 20, other);
        String word = DeskCalls.word("izin");
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID department = i % 3 == 2 ? other : mine;
            Visitor.Session chat =
                    desk.chat(department, i == 4 ? "Topik " + word : "Lainnya", "Nama " + i);
            if (i != 4) {
                desk.visitorWrites(chat, "Pertanyaan " + i + " tentang " + word);
            }
            if (i == 1) {
                desk.visitorWrites(chat, word + " " + word + " " + word);
            }
            chats.add(chat.id());
        }
        SearchScope everything = new SearchScope(null, null, null, null, null);
        SearchScope agentsView = new SearchScope(List.of(mine), agent.id(), null, null, null);

        for (SearchScope scope : List.of(everything, agentsView)) {
            List<Candidate> everyMatch = search(Long.MAX_VALUE, 1_000, word, scope, 5);
            List<Candidate> walk = search(-1, 1_000, word, scope, 5);
            // a walk that checks too few chats to fill the window hands over to reading every match
            List<Candidate> shortWalk = search(-1, 2, word, scope, 5);
            assertThat(walk).isEqualTo(everyMatch);
            assertThat(shortWalk).isEqualTo(everyMatch);
            assertThat(everyMatch).hasSize(5).isSortedAccordingTo(Candidate.RECENCY);
        }
        List<Candidate> seen = search(-1, 1_000, word, agentsView, 50);
        assertThat(seen)
                .extracting(c -> c.sessionId().toString())
                .containsExactlyInAnyOrder(
                        chats.get(0), chats.get(1), chats.get(3), chats.get(4), chats.get(6));
        // the topic match, and the chat that says the word three times, rank above the others
        List<Candidate> ranked = new ArrayList<>(seen);
        ranked.sort(Candidate.RANKING);
        assertThat(ranked.get(0).sessionId().toString()).isEqualTo(chats.get(4));
        assertThat(ranked.get(1).sessionId().toString()).isEqualTo(chats.get(1));

        // the next window, past the newest five, holds the remaining two, either way
        List<Candidate> firstFive = search(Long.MAX_VALUE, 1_000, word, everything, 5);
        Candidate oldest = firstFive.get(4);
        SearchCursor after = new SearchCursor(oldest.startedAt(), oldest.sessionId(), false, 0);
        for (long limit : new long[] {Long.MAX_VALUE, -1}) {
            List<Candidate> rest =
                    new R2dbcChatSearch(db, limit, 1_000)
                            .window(word, everything, after, 5)
                            .block();
            assertThat(rest)
                    .extracting(c -> c.sessionId().toString())
                    .containsExactly(chats.get(1), chats.get(0));
        }
    }

    private List<Candidate> search(
            long exactLimit, int scan, String word, SearchScope scope, int size) {
        return new R2dbcChatSearch(db, exactLimit, scan)
                .window(word, scope, SearchCursor.FIRST, size)
                .block();
    }
}
