package id.oss.livechat.desktop.privacy;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The admins' erasure screen: a visitor's key (e-mail, phone, OSS user id or browser UUID), then a
 * confirmation that says what goes and that it cannot be undone, then the server's counts. The
 * server checks the key: its refusal (400 naming the field, 404 for a visitor it does not know) is
 * shown as it is, and nothing is erased.
 */
public final class EraseViewModel {
    /** Where the screen is: typing a key, asked to confirm, waiting for the server, done. */
    public enum Step {
        ENTERING,
        CONFIRMING,
        ERASING,
        DONE
    }

    // Properties
    private final ObjectProperty<SubjectKind> kind = new SimpleObjectProperty<>(SubjectKind.EMAIL);
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.ENTERING);
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ErasureCounts> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper resultTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding canAsk;

    private final ErasureApi api;
    private final Background background;
    private final Localization i18n;

    public EraseViewModel(ErasureApi api, Background background, Localization i18n) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        canAsk =
                Bindings.createBooleanBinding(
                        () ->
                                kind.get() != null
                                        && value.get() != null
                                        && !value.get().isBlank()
                                        && step.get() != Step.ERASING,
                        kind,
                        value,
                        step);
        // a changed key is a new question: an earlier confirmation or refusal no longer applies
        kind.addListener((obs, old, now) -> backToEntering());
        value.addListener((obs, old, now) -> backToEntering());
    }

    public ObjectProperty<SubjectKind> kindProperty() {
        return kind;
    }

    /** The key as typed: {@code siti@majubersama.co.id}. */
    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** What will be erased and that it cannot be undone; set while {@link Step#CONFIRMING}. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** The server's counts of the last erasure, or null. */
    public ReadOnlyObjectProperty<ErasureCounts> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** "Data pengunjung dengan e-mail … telah dihapus." over the counts. */
    public ReadOnlyStringProperty resultTitleProperty() {
        return resultTitle.getReadOnlyProperty();
    }

    /** Empty, or why the server erased nothing. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A key is there and nothing is being erased: the "erase" button may be pressed. */
    public BooleanBinding canAsk() {
        return canAsk;
    }

    // Commands

    /** The first press: asks to confirm, saying what goes. Nothing is sent yet. */
    public void ask() {
        if (!canAsk.get()) {
            return;
        }
        problem.set("");
        confirmation.set(i18n.text("erase.confirm.text", i18n.text(kind.get().textKey()), key()));
        step.set(Step.CONFIRMING);
    }

    /** The admin changed its mind: nothing was sent. */
    public void cancel() {
        if (step.get() == Step.CONFIRMING) {
            step.set(Step.ENTERING);
        }
    }

    /** The second press: the server erases, and its counts (or its refusal) are shown. */
    public void confirm() {
        if (step.get() != Step.CONFIRMING) {
            return;
        }
        SubjectKind asked = kind.get();
        String key = key();
        step.set(Step.ERASING);
        background.run(
                () -> api.erase(asked, key),
                counts -> erased(asked, key, counts),
                error -> {
                    step.set(Step.ENTERING);
                    problem.set(refusal(asked, key, error));
                });
    }

    private void erased(SubjectKind asked, String key, ErasureCounts counts) {
        result.set(counts);
        resultTitle.set(i18n.text("erase.done", i18n.text(asked.textKey()), key));
        step.set(Step.DONE);
    }

    private String refusal(SubjectKind asked, String key, Throwable error) {
        if (error instanceof ApiException api) {
            if (api.status() == 404) {
                return i18n.text("erase.error.unknown", i18n.text(asked.textKey()), key);
            }
            if (api.status() == 400 && !api.fields().isEmpty()) {
                Map.Entry<String, String> field = api.fields().entrySet().iterator().next();
                return i18n.text("erase.error.field", fieldName(field.getKey()), field.getValue());
            }
        }
        return ErrorTexts.of(error, i18n, "erase.error.failed");
    }

    private String fieldName(String field) {
        for (SubjectKind each : SubjectKind.values()) {
            if (each.wire().equals(field)) {
                return i18n.text(each.textKey());
            }
        }
        return field;
    }

    private String key() {
        return value.get() == null ? "" : value.get().strip();
    }

    private void backToEntering() {
        if (step.get() == Step.CONFIRMING) {
            step.set(Step.ENTERING);
        }
        problem.set("");
    }
}
