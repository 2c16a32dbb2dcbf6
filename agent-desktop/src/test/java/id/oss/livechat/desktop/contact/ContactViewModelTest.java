package id.oss.livechat.desktop.contact;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactViewModelTest {
    private final FakeStaffApi api = new FakeStaffApi();
    private final ContactViewModel contact =
            new ContactViewModel(
                    api, Background.sameThread(), new Localization(AppLanguage.ENGLISH));
    private final StaffSession current =
            DemoData.active(1, "Status NIB", DemoData.SITI, true, 6, 0);
    private final StaffSession earlier =
            DemoData.closed(
                    11,
                    current.chatUserId(),
                    "Pendaftaran akun OSS",
                    DemoData.SITI,
                    Instant.parse("2026-10-02T02:00:00Z"));

    @Test
    void showsTheContactAndTheOssIdentity() {
        contact.show(current);

        assertThat(contact.nameProperty().get()).isEqualTo("Siti Rahmawati");
        assertThat(contact.companyProperty().get()).isEqualTo("PT Sinar Nusantara Abadi");
        assertThat(contact.verifiedProperty().get()).isTrue();
        assertThat(contact.ossIdentityProperty().get())
                .isEqualTo("OSS-3174-001 · siti.rahma@sinarnusantara.co.id");
    }

    @Test
    void anAnonymousVisitorIsSaidToBeAnonymous() {
        contact.show(DemoData.active(2, "KBLI", DemoData.BUDI, false, 0, 0));

        assertThat(contact.verifiedProperty().get()).isFalse();
        assertThat(contact.ossIdentityProperty().get())
                .isEqualTo("Anonymous (not signed in to OSS)");
    }

    @Test
    void listsTheVisitorsEarlierSessionsWithoutTheCurrentOne() {
        api.visitorHistory.put(current.chatUserId(), List.of(current, earlier));

        contact.show(current);

        assertThat(contact.history()).containsExactly(earlier);
        assertThat(contact.historyStatusProperty().get()).isEmpty();
    }

    @Test
    void openingAnEarlierSessionLoadsItsWholeTranscriptPageByPage() {
        api.pageSize = 4;
        api.transcripts.put(earlier.sessionId(), DemoData.sitiConversation(earlier.sessionId()));
        contact.show(current);

        contact.openPast(earlier);

        assertThat(contact.pastMessages())
                .extracting(ChatMessage::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(api.calls)
                .contains(
                        "messages " + earlier.sessionId() + " 0",
                        "messages " + earlier.sessionId() + " 4");
        contact.closePast();
        assertThat(contact.pastSessionProperty().get()).isNull();
    }

    @Test
    void nothingSelectedShowsNothing() {
        contact.show(current);
        contact.show(null);

        assertThat(contact.nameProperty().get()).isEmpty();
        assertThat(contact.history()).isEmpty();
    }
}
