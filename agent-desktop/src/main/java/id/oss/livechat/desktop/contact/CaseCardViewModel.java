package id.oss.livechat.desktop.contact;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.CaseContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * The "Kasus" card: the citizen's case as the portal passed it with the chat (NIB, application,
 * KBLI codes, licence type, province), and whether the portal signed it. An unsigned case may say
 * anything, so the card says so first. Follows the chat on screen and the language.
 */
public final class CaseCardViewModel {
    // Properties
    private final BooleanBinding present;
    private final BooleanBinding verified;
    private final StringBinding trust;
    private final StringBinding nib;
    private final StringBinding application;
    private final StringBinding kbli;
    private final StringBinding licenceType;
    private final StringBinding province;

    public CaseCardViewModel(ObservableValue<StaffSession> session, Localization i18n) {
        present = Bindings.createBooleanBinding(() -> caseOf(session) != null, session);
        verified =
                Bindings.createBooleanBinding(
                        () -> session.getValue() != null && session.getValue().contextVerified(),
                        session);
        trust =
                Bindings.createStringBinding(
                        () ->
                                caseOf(session) == null
                                        ? ""
                                        : i18n.text(
                                                verified.get()
                                                        ? "case.verified"
                                                        : "case.unverified"),
                        session,
                        i18n.languageProperty());
        nib = text(session, c -> c.nib());
        application = text(session, c -> c.applicationNumber());
        kbli =
                text(
                        session,
                        c ->
                                c.kbli() == null || c.kbli().isEmpty()
                                        ? null
                                        : String.join(", ", c.kbli()));
        licenceType = text(session, c -> c.licenceType());
        province = text(session, c -> c.province());
    }

    private static CaseContext caseOf(ObservableValue<StaffSession> session) {
        return session.getValue() == null ? null : session.getValue().context();
    }

    private static StringBinding text(
            ObservableValue<StaffSession> session,
            java.util.function.Function<CaseContext, String> part) {
        return Bindings.createStringBinding(
                () -> {
                    CaseContext c = caseOf(session);
                    String value = c == null ? null : part.apply(c);
                    return value == null ? "" : value;
                },
                session);
    }

    /** The chat on screen carries a case. */
    public BooleanBinding presentProperty() {
        return present;
    }

    /** The portal's backend signed the case (context_verified). */
    public BooleanBinding verifiedProperty() {
        return verified;
    }

    /** "Ditandatangani portal OSS" or "Belum terverifikasi", in the current language. */
    public StringBinding trustProperty() {
        return trust;
    }

    public StringBinding nibProperty() {
        return nib;
    }

    public StringBinding applicationProperty() {
        return application;
    }

    /** The KBLI codes, "56101, 47111". */
    public StringBinding kbliProperty() {
        return kbli;
    }

    public StringBinding licenceTypeProperty() {
        return licenceType;
    }

    public StringBinding provinceProperty() {
        return province;
    }
}
