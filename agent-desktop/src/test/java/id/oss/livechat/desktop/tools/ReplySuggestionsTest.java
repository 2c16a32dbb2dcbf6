package id.oss.livechat.desktop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.model.Language;
import id.oss.livechat.model.canned.CannedResponse;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Instant;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/**
 * The list over the composer: it opens on "/", narrows as the agent types, and fills replies in.
 */
class ReplySuggestionsTest {
    private final CannedResponse nib =
            reply(
                    "nib",
                    "Selamat siang {nama_pengunjung}, NIB terbit otomatis.",
                    Language.ID,
                    false);
    private final CannedResponse nibEn =
            reply(
                    "nib",
                    "Hello {visitor_name}, your NIB is issued automatically.",
                    Language.EN,
                    false);
    private final CannedResponse kbli =
            reply(
                    "kbli",
                    "Ubah KBLI lewat menu Perubahan Data Usaha (NIB tetap).",
                    Language.ID,
                    true);
    private final CannedResponse salam =
            reply(
                    "salam",
                    "Saya {nama_agen}, ada yang bisa dibantu soal {topik}?",
                    Language.ID,
                    true);
    private final ObservableList<CannedResponse> replies =
            FXCollections.observableArrayList(nib, nibEn, kbli, salam);
    private final ReplySuggestions suggestions = new ReplySuggestions(replies);

    @Test
    void aSlashAtTheStartOpensEveryReplyAndTypingNarrowsIt() {
        suggestions.draftChanged("nib");
        assertThat(suggestions.isOpen()).isFalse();

        suggestions.draftChanged("/");
        assertThat(suggestions.isOpen()).isTrue();
        assertThat(suggestions.shown()).containsExactly(nib, nibEn, kbli, salam);

        // shortcuts starting with what was typed first, then shortcuts or texts holding it
        suggestions.draftChanged("/nib");
        assertThat(suggestions.shown()).containsExactly(nib, nibEn, kbli);
        suggestions.draftChanged("/PERUBAHAN");
        assertThat(suggestions.shown()).containsExactly(kbli);
        suggestions.draftChanged("/tidak-ada");
        assertThat(suggestions.isOpen()).isFalse();
        // a slash in the middle of a sentence is just a slash
        suggestions.draftChanged("Dokumen PB/UMKU");
        assertThat(suggestions.isOpen()).isFalse();
    }

    @Test
    void arrowsChooseEnterTakesEscCloses() {
        suggestions.draftChanged("/nib");
        assertThat(suggestions.chosenProperty().get()).isZero();
        suggestions.next();
        suggestions.next();
        suggestions.next(); // stays on the last
        assertThat(suggestions.chosenProperty().get()).isEqualTo(2);
        suggestions.previous();
        assertThat(suggestions.take()).contains(nibEn);
        // taken: closed, even though the reply might start with a slash itself
        assertThat(suggestions.isOpen()).isFalse();
        suggestions.draftChanged("Hello, your NIB is issued automatically.");

        suggestions.draftChanged("/sa");
        assertThat(suggestions.isOpen()).isTrue();
        suggestions.dismiss();
        assertThat(suggestions.isOpen()).isFalse();
        suggestions.draftChanged("/sal"); // still dismissed while the slash is there
        assertThat(suggestions.isOpen()).isFalse();
        assertThat(suggestions.take()).isEmpty();
        suggestions.draftChanged("");
        suggestions.draftChanged("/sal");
        assertThat(suggestions.shown()).containsExactly(salam);
    }

    @Test
    void repliesLoadedWhileTheListIsOpenShowAtOnce() {
        replies.clear();
        suggestions.draftChanged("/ni");
        assertThat(suggestions.isOpen()).isFalse();
        replies.setAll(salam, kbli, nib);
        // the shortcut first, then the reply whose text mentions NIB
        assertThat(suggestions.shown()).containsExactly(nib, kbli);
    }

    @Test
    void aReplyIsFilledInForTheChatInItsOwnLanguage() {
        ReplyFilling filling = new ReplyFilling();
        StaffSession chat = DemoData.active(1, "Status NIB", DemoData.SITI, true, 3, 0);
        StaffSession withCode =
                new StaffSession(
                        chat.sessionId(),
                        chat.chatUserId(),
                        chat.status(),
                        "Pendaftaran NIB",
                        chat.priority(),
                        chat.department(),
                        chat.agent(),
                        null,
                        false,
                        null,
                        null,
                        chat.startedAt(),
                        chat.queuedAt(),
                        chat.assignedAt(),
                        null,
                        null,
                        3,
                        0,
                        null,
                        null,
                        "nib",
                        false,
                        null,
                        null);

        assertThat(filling.fill(nib, chat, "Dewi Lestari"))
                .isEqualTo("Selamat siang Siti Rahmawati, NIB terbit otomatis.");
        assertThat(filling.fill(salam, withCode, "Dewi Lestari"))
                .isEqualTo("Saya Dewi Lestari, ada yang bisa dibantu soal Pendaftaran NIB?");
        assertThat(
                        filling.fill(
                                reply("s", "About {topic}, {agent_name} here.", Language.EN, true),
                                withCode,
                                "Dewi"))
                .isEqualTo("About NIB registration, Dewi here.");
        // no name yet (no contact form): nothing of the placeholder is left
        assertThat(filling.fill(nibEn, withCode, "Dewi"))
                .isEqualTo("Hello, your NIB is issued automatically.");
    }

    private static CannedResponse reply(
            String shortcut, String text, Language language, boolean personal) {
        return new CannedResponse(
                UUID.randomUUID(),
                shortcut,
                text,
                language,
                personal ? null : DemoData.PERIZINAN.id(),
                personal ? null : DemoData.PERIZINAN.name(),
                personal,
                Instant.now());
    }
}
