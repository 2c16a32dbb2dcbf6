package id.oss.livechat.desktop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admins' erasure screen, against a fake of {@code POST /api/privacy/erase}. */
class EraseViewModelTest {

    /** The server: what it was asked to erase, and its answer or refusal. */
    static final class FakeErasureApi implements ErasureApi {
        final List<String> asked = new ArrayList<>();
        ErasureCounts answer = new ErasureCounts(1, 2, 9, 1, 1, 0);
        RuntimeException refusal;

        @Override
        public ErasureCounts erase(SubjectKind kind, String value) {
            asked.add(kind.wire() + "=" + value);
            if (refusal != null) {
                throw refusal;
            }
            return answer;
        }
    }

    private final FakeErasureApi api = new FakeErasureApi();
    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final EraseViewModel erase = new EraseViewModel(api, Background.sameThread(), i18n);

    @Test
    void nothingIsErasedBeforeTheAdminConfirmsWhatGoesAndThatItCannotBeUndone() {
        erase.valueProperty().set("  siti@majubersama.co.id ");

        erase.ask();

        assertThat(api.asked).isEmpty();
        assertThat(erase.stepProperty().get()).isEqualTo(EraseViewModel.Step.CONFIRMING);
        assertThat(erase.confirmationProperty().get())
                .startsWith(
                        "Semua data pengunjung dengan E-mail siti@majubersama.co.id akan dihapus:")
                .contains("isi semua percakapannya", "data kontak", "alamat IP")
                .endsWith("Penghapusan ini tidak dapat dibatalkan.");

        erase.confirm();

        assertThat(api.asked).containsExactly("email=siti@majubersama.co.id");
        assertThat(erase.stepProperty().get()).isEqualTo(EraseViewModel.Step.DONE);
        assertThat(erase.resultProperty().get()).isEqualTo(new ErasureCounts(1, 2, 9, 1, 1, 0));
        assertThat(erase.resultTitleProperty().get())
                .isEqualTo("Data pengunjung dengan E-mail siti@majubersama.co.id telah dihapus.");
    }

    @Test
    void cancellingSendsNothing() {
        erase.kindProperty().set(SubjectKind.PHONE);
        erase.valueProperty().set("+6281234567890");
        erase.ask();

        erase.cancel();
        erase.confirm();

        assertThat(api.asked).isEmpty();
        assertThat(erase.stepProperty().get()).isEqualTo(EraseViewModel.Step.ENTERING);
    }

    @Test
    void changingTheKeyWhileAskedTakesTheQuestionBack() {
        erase.valueProperty().set("siti@majubersama.co.id");
        erase.ask();

        erase.valueProperty().set("budi@sinarabadi.co.id");
        erase.confirm();

        assertThat(api.asked).isEmpty();
        assertThat(erase.stepProperty().get()).isEqualTo(EraseViewModel.Step.ENTERING);
    }

    @Test
    void anEmptyKeyCannotBeAskedFor() {
        erase.valueProperty().set("   ");

        erase.ask();

        assertThat(erase.canAsk().get()).isFalse();
        assertThat(erase.stepProperty().get()).isEqualTo(EraseViewModel.Step.ENTERING);
    }

    @Test
    void aVisitorTheServerDoesNotKnowIsSaidAndNothingWasErased() {
        api.refusal = new ApiException(404, "not_found", "No such data subject.");
        erase.kindProperty().set(SubjectKind.OSS_USER_ID);
        erase.valueProperty().set("OSS-000");
        erase.ask();

        erase.confirm();

        assertThat(erase.problemProperty().get())
                .isEqualTo(
                        "Tidak ada data pengunjung dengan OSS user id OSS-000. Tidak ada yang"
                                + " dihapus.");
        assertThat(erase.stepProperty().get()).isEqualTo(EraseViewModel.Step.ENTERING);
        assertThat(erase.resultProperty().get()).isNull();
    }

    @Test
    void aKeyTheServerRefusesIsNamedInTheAdminsWords() {
        api.refusal =
                new ApiException(
                        400,
                        "validation_failed",
                        "invalid",
                        Map.of("browser_uuid", "must be a UUID"));
        erase.kindProperty().set(SubjectKind.BROWSER_UUID);
        erase.valueProperty().set("not-a-uuid");
        erase.ask();

        erase.confirm();

        assertThat(erase.problemProperty().get())
                .isEqualTo("Server menolak Browser UUID: must be a UUID. Tidak ada yang dihapus.");
        assertThat(erase.stepProperty().get()).isEqualTo(EraseViewModel.Step.ENTERING);
    }

    @Test
    void theConfirmationSpeaksTheChosenLanguage() {
        i18n.setLanguage(AppLanguage.ENGLISH);
        erase.valueProperty().set("siti@majubersama.co.id");

        erase.ask();

        assertThat(erase.confirmationProperty().get())
                .startsWith("Everything about the visitor with E-mail siti@majubersama.co.id")
                .contains("its case's NIB and application number")
                .endsWith("This erasure cannot be undone.");
    }
}
