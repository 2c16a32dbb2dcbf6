package id.oss.livechat.desktop.contact;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.CaseContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Kasus" card follows the chat on screen, says whether the portal signed the case. */
class CaseCardViewModelTest {
    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final ContactViewModel contact =
            new ContactViewModel(new FakeStaffApi(), Background.sameThread(), i18n);
    private final CaseCardViewModel card = contact.caseCard();
    private final StaffSession chat = DemoData.active(1, "Status NIB", DemoData.SITI, true, 6, 0);

    @Test
    void aSignedCaseShowsEveryPartAndSaysTheSignatureHolds() {
        contact.show(DemoData.withCase(chat, DemoData.CASE, true));

        assertThat(card.presentProperty().get()).isTrue();
        assertThat(card.verifiedProperty().get()).isTrue();
        assertThat(card.trustProperty().get()).isEqualTo("\u2714 Ditandatangani portal OSS");
        assertThat(card.nibProperty().get()).isEqualTo("9120001234567");
        assertThat(card.applicationProperty().get()).isEqualTo("PB-UMKU-202611-000123");
        assertThat(card.kbliProperty().get()).isEqualTo("56101, 47111");
        assertThat(card.licenceTypeProperty().get()).isEqualTo("Sertifikat Standar");
        assertThat(card.provinceProperty().get()).isEqualTo("DKI Jakarta");
    }

    @Test
    void anUnsignedCaseIsSaidToBeUnverifiedInTheAgentsLanguage() {
        contact.show(
                DemoData.withCase(
                        chat, new CaseContext(null, null, List.of(), null, "Papua Tengah"), false));

        assertThat(card.presentProperty().get()).isTrue();
        assertThat(card.verifiedProperty().get()).isFalse();
        assertThat(card.trustProperty().get()).isEqualTo("\u26A0 Belum terverifikasi");
        assertThat(card.nibProperty().get()).isEmpty();
        assertThat(card.kbliProperty().get()).isEmpty();
        i18n.setLanguage(AppLanguage.ENGLISH);
        assertThat(card.trustProperty().get()).isEqualTo("\u26A0 Unverified");
    }

    @Test
    void aChatWithoutACaseHasNoCard() {
        contact.show(DemoData.withCase(chat, DemoData.CASE, true));
        contact.show(chat);

        assertThat(card.presentProperty().get()).isFalse();
        assertThat(card.trustProperty().get()).isEmpty();
        assertThat(card.nibProperty().get()).isEmpty();
    }
}
