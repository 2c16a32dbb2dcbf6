package id.oss.livechat.desktop.contact;

import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The side panel: who the visitor is (contact details, OSS identity) and their earlier sessions;
 * opening one loads its transcript.
 */
public final class ContactViewModel {
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 50; // a transcript of 5,000 messages is enough to read

    // Properties
    private final ReadOnlyObjectWrapper<StaffSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper company = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper();
    private final StringBinding ossIdentity;
    private final ObservableList<StaffSession> history = FXCollections.observableArrayList();
    // what the history says about itself, as a text key; the text follows the language, so a
    // switch to English leaves nothing Indonesian behind
    private final ReadOnlyStringWrapper historyStatusKey = new ReadOnlyStringWrapper("");
    private final StringBinding historyStatus;
    private final ReadOnlyObjectWrapper<StaffSession> pastSession = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ChatMessage> pastMessages = FXCollections.observableArrayList();
    private final CaseCardViewModel caseCard;

    private final StaffApi api;
    private final Background background;
    private final Localization i18n;

    public ContactViewModel(StaffApi api, Background background, Localization i18n) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.caseCard = new CaseCardViewModel(session.getReadOnlyProperty(), i18n);
        this.ossIdentity =
                Bindings.createStringBinding(
                        () -> identityText(session.get()), session, i18n.languageProperty());
        this.historyStatus =
                Bindings.createStringBinding(
                        () ->
                                historyStatusKey.get().isEmpty()
                                        ? ""
                                        : i18n.text(historyStatusKey.get()),
                        historyStatusKey,
                        i18n.languageProperty());
    }

    public ReadOnlyObjectProperty<StaffSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailProperty() {
        return email.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneProperty() {
        return phone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty companyProperty() {
        return company.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The citizen's case the chat on screen carries (the "Kasus" card). */
    public CaseCardViewModel caseCard() {
        return caseCard;
    }

    /** A visitor logged in to OSS whose identity the portal proved. */
    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    /** "USER123 · user@example.co.id", or that the visitor is anonymous. */
    public StringBinding ossIdentityProperty() {
        return ossIdentity;
    }

    /** The visitor's earlier sessions, newest first (the one on screen left out). */
    public ObservableList<StaffSession> history() {
        return history;
    }

    /** Loading…, none, or could not load; empty when the list speaks for itself. */
    public StringBinding historyStatusProperty() {
        return historyStatus;
    }

    public ReadOnlyObjectProperty<StaffSession> pastSessionProperty() {
        return pastSession.getReadOnlyProperty();
    }

    public ObservableList<ChatMessage> pastMessages() {
        return pastMessages;
    }

    // Commands

    /** Shows the visitor of {@code next}, or nothing for null. */
    public void show(StaffSession next) {
        StaffSession previous = session.get();
        session.set(next);
        Contact contact = next == null ? null : next.contact();
        name.set(contact == null || contact.contactName() == null ? "" : contact.contactName());
        email.set(
                firstNonBlank(
                        contact == null ? null : contact.contactEmail(),
                        next == null ? null : next.visitorEmail()));
        phone.set(contact == null ? "" : Objects.toString(contact.contactPhone(), ""));
        company.set(contact == null ? "" : Objects.toString(contact.companyName(), ""));
        position.set(contact == null ? "" : Objects.toString(contact.position(), ""));
        verified.set(next != null && next.verified());
        if (next == null) {
            history.clear();
            historyStatusKey.set("");
            closePast();
            return;
        }
        boolean sameVisitor =
                previous != null && Objects.equals(previous.chatUserId(), next.chatUserId());
        if (!sameVisitor) {
            closePast();
            loadHistory(next);
        }
    }

    /** Loads and shows the transcript of an earlier session. */
    public void openPast(StaffSession past) {
        pastSession.set(past);
        pastMessages.clear();
        UUID id = past.sessionId();
        background.run(
                () -> transcript(id),
                messages -> {
                    if (pastSession.get() == past) {
                        pastMessages.setAll(messages);
                    }
                },
                error -> historyStatusKey.set("contact.transcript.error"));
    }

    public void closePast() {
        pastSession.set(null);
        pastMessages.clear();
    }

    private void loadHistory(StaffSession current) {
        history.clear();
        if (current.chatUserId() == null) {
            historyStatusKey.set("contact.history.none");
            return;
        }
        historyStatusKey.set("contact.history.loading");
        background.run(
                () -> api.visitorSessions(current.chatUserId()).sessions(),
                sessions -> {
                    if (!stillShowing(current)) {
                        return; // the agent moved on to another visitor meanwhile
                    }
                    history.setAll(
                            sessions.stream()
                                    .filter(s -> !s.sessionId().equals(current.sessionId()))
                                    .toList());
                    historyStatusKey.set(history.isEmpty() ? "contact.history.none" : "");
                },
                error -> {
                    if (stillShowing(current)) {
                        historyStatusKey.set("contact.history.error");
                    }
                });
    }

    /**
     * Whether the pane still shows {@code current}'s visitor: the session on screen is replaced by
     * a fresh copy on every update (a read mark, a new contact field), which must not throw the
     * history away and leave it "loading" for ever.
     */
    private boolean stillShowing(StaffSession current) {
        StaffSession shown = session.get();
        return shown != null
                && shown.sessionId().equals(current.sessionId())
                && Objects.equals(shown.chatUserId(), current.chatUserId());
    }

    private List<ChatMessage> transcript(UUID sessionId) {
        List<ChatMessage> all = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            MessagePage next = api.messages(sessionId, after, PAGE);
            all.addAll(next.messages());
            if (!next.hasMore() || next.lastSeq() <= after) {
                break;
            }
            after = next.lastSeq();
        }
        return all;
    }

    private String identityText(StaffSession s) {
        if (s == null) {
            return "";
        }
        if (!s.verified() || s.ossUserId() == null) {
            return i18n.text("contact.anonymous");
        }
        return s.visitorEmail() == null ? s.ossUserId() : s.ossUserId() + " · " + s.visitorEmail();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null ? "" : b;
    }
}
