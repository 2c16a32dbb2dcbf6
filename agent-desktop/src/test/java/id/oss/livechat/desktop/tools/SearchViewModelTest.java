package id.oss.livechat.desktop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakeDeskToolsApi;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.model.search.HitField;
import id.oss.livechat.model.search.SearchHit;
import id.oss.livechat.model.search.SearchPage;
import id.oss.livechat.model.search.SearchResult;
import id.oss.livechat.model.search.SnippetPart;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The search window's model: what is sent, what is shown, the transcript read-only. */
class SearchViewModelTest {
    private final FakeDeskToolsApi tools = new FakeDeskToolsApi();
    private final FakeStaffApi staff = new FakeStaffApi();
    private final SearchViewModel search =
            new SearchViewModel(
                    tools, staff, Background.sameThread(), new Localization(AppLanguage.ENGLISH));

    @Test
    void aQueryTheServerWouldRefuseIsNotSent() {
        for (String hopeless : List.of("", "   ", "?!…,,", "x".repeat(201))) {
            search.queryProperty().set(hopeless);
            search.search();
            assertThat(search.statusProperty().get()).isNotEmpty();
        }
        assertThat(tools.calls).isEmpty();
        search.queryProperty().set("x".repeat(201));
        assertThat(search.queryProblem().get())
                .isEqualTo("Too long: 201 of at most 200 characters.");
    }

    @Test
    void theChatsFoundArriveAPageAtATime() {
        SearchResult first = result("Siti Rahmawati");
        SearchResult second = result("Budi Santoso");
        tools.searches =
                (q, cursor) ->
                        cursor == null
                                ? new SearchPage(List.of(first), true, "c2")
                                : new SearchPage(List.of(second), false, null);

        search.queryProperty().set("  pkkpr bekasi ");
        search.search();
        assertThat(search.results()).containsExactly(first);
        assertThat(search.hasMoreProperty().get()).isTrue();
        assertThat(search.statusProperty().get())
                .isEqualTo("1+ chats found, the best matches first.");

        search.more();
        assertThat(search.results()).containsExactly(first, second);
        assertThat(search.hasMoreProperty().get()).isFalse();
        assertThat(tools.calls).containsExactly("search pkkpr bekasi", "search pkkpr bekasi @c2");

        tools.searches = (q, cursor) -> new SearchPage(List.of(), false, null);
        search.queryProperty().set("tidak ada");
        search.search();
        assertThat(search.results()).isEmpty();
        assertThat(search.statusProperty().get()).isEqualTo("No chat matches.");
    }

    @Test
    void openingAChatShowsItsWholeTranscriptInOrder() {
        SearchResult found = result("Siti Rahmawati");
        staff.transcripts.put(
                found.sessionId(),
                List.of(
                        message(found.sessionId(), 1, SenderType.VISITOR, "Lokasi di Bekasi"),
                        message(found.sessionId(), 2, SenderType.AGENT, "Perlu PKKPR dulu"),
                        message(found.sessionId(), 3, SenderType.SYSTEM, "Catatan staf")));

        search.open(found);

        assertThat(search.openedProperty().get()).isEqualTo(found);
        assertThat(search.transcript())
                .extracting(MessageItem::text)
                .containsExactly("Lokasi di Bekasi", "Perlu PKKPR dulu", "Catatan staf");
        search.close();
        assertThat(search.transcript()).isEmpty();
    }

    private static SearchResult result(String name) {
        return new SearchResult(
                UUID.randomUUID(),
                SessionStatus.CLOSED,
                "Perizinan berusaha",
                "perizinan",
                DemoData.PERIZINAN,
                null,
                name,
                DemoData.NOW,
                DemoData.NOW,
                new SearchHit(
                        HitField.MESSAGE,
                        2L,
                        SenderType.AGENT,
                        false,
                        DemoData.NOW,
                        List.of(new SnippetPart("Perlu ", false), new SnippetPart("PKKPR", true))),
                0.06);
    }

    private static ChatMessage message(UUID session, long seq, SenderType type, String text) {
        return new ChatMessage(
                session, seq, "c" + seq, new Sender(type, null, type.wire()), text, DemoData.NOW);
    }
}
