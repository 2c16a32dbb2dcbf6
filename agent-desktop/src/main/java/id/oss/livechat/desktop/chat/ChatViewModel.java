package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Durations;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * One of the agent's open chats: its session, transcript, unread count, the visitor's typing, the
 * composer's draft with its validation and whether it is a staff-only note, and while the agent has
 * not answered yet, the time left before the chat goes back to the queue. {@link
 * ActiveChatsViewModel} feeds it from the socket.
 */
public final class ChatViewModel {
    /**
     * How long "typing" shows without a fresh one: the widget repeats it every 3 s while the
     * visitor types, so a visitor whose "stopped typing" never came (a lost network) is not shown
     * typing for ever.
     */
    static final Duration TYPING_SHOWS_FOR = Duration.ofSeconds(6);

    // Properties
    private final ReadOnlyObjectWrapper<StaffSession> session;
    private final Transcript transcript = new Transcript();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper visitorTyping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper();
    private final StringProperty draft = new SimpleStringProperty("");
    private final BooleanProperty noteMode = new SimpleBooleanProperty();
    // a note on its way to the server: the composer waits, so it is not sent twice
    private final ReadOnlyBooleanWrapper noteSaving = new ReadOnlyBooleanWrapper();
    private final StringBinding draftProblem;
    private final BooleanBinding canSend;
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper("");
    // a file on its way ("Mengirim bukti.pdf …"), or why the last one was refused; empty: none
    private final ReadOnlyStringWrapper upload = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper uploadRefused = new ReadOnlyBooleanWrapper();
    private final BooleanBinding leftMessage;

    // when the unanswered timeout pulls the chat back (null: answered, or taken by hand)
    private Instant answerBy;
    // when "the visitor is typing" goes unless a fresh one comes
    private Instant typingUntil;
    // which socket or REST update last changed the session (a later REST answer must not undo it)
    private long updatedIn;

    // bookkeeping for the unread count and read receipts
    private final long countedUpTo;
    private long readSentUpTo;
    private boolean resuming;

    ChatViewModel(StaffSession initial, Localization i18n) {
        this.session = new ReadOnlyObjectWrapper<>(initial);
        // the server's unread count covers the visitor's messages up to its last_seq; the
        // replay of those must not count them twice
        this.countedUpTo = initial.lastSeq();
        this.unread.set((int) Math.max(0, initial.unread()));
        this.closed.set(initial.status() == SessionStatus.CLOSED);
        this.answerBy = initial.answerBy();
        this.leftMessage =
                Bindings.createBooleanBinding(() -> session.get().leftMessage(), session);
        transcript.markReadByVisitor(initial.visitorReadSeq());
        this.draftProblem =
                Bindings.createStringBinding(
                        () -> problemOf(draft.get(), i18n), draft, i18n.languageProperty());
        this.canSend =
                Bindings.createBooleanBinding(
                        () ->
                                !closed.get()
                                        && !noteSaving.get()
                                        && !draft.get().isBlank()
                                        && withinLimit(draft.get()),
                        draft,
                        closed,
                        noteSaving);
    }

    static String problemOf(String text, Localization i18n) {
        if (text != null && !withinLimit(text)) {
            return i18n.text("chat.composer.tooLong", text.length(), FrameTypes.MAX_TEXT_LENGTH);
        }
        return "";
    }

    private static boolean withinLimit(String text) {
        return text.length() <= FrameTypes.MAX_TEXT_LENGTH;
    }

    public UUID sessionId() {
        return session.get().sessionId();
    }

    public ReadOnlyObjectProperty<StaffSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public StaffSession session() {
        return session.get();
    }

    public ObservableList<MessageItem> messages() {
        return transcript.items();
    }

    Transcript transcript() {
        return transcript;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty visitorTypingProperty() {
        return visitorTyping.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** The composer's text; each chat keeps its own draft. */
    public StringProperty draftProperty() {
        return draft;
    }

    /**
     * Whether the composer writes a staff-only note (the visitor never sees it) instead of a reply.
     * Each chat keeps its own choice; it goes back to replies once a note is saved.
     */
    public BooleanProperty noteModeProperty() {
        return noteMode;
    }

    void noteSaving(boolean saving) {
        noteSaving.set(saving);
    }

    /** Empty, or why the draft cannot be sent (too long), shown under the composer. */
    public StringBinding draftProblem() {
        return draftProblem;
    }

    public BooleanBinding canSend() {
        return canSend;
    }

    /**
     * A left message: the visitor wrote while nobody was online and went away, so the reply also
     * goes to the visitor by e-mail.
     */
    public BooleanBinding leftMessage() {
        return leftMessage;
    }

    /**
     * "2:41" while the agent has not written and the chat would go back to the queue in that time;
     * "0:00" once due; empty when no deadline applies. Ticked by {@link #tick}.
     */
    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    /** What the chat says about the agent's file: on its way, or why it was refused. */
    public ReadOnlyStringProperty uploadProperty() {
        return upload.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty uploadingProperty() {
        return uploading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty uploadRefusedProperty() {
        return uploadRefused.getReadOnlyProperty();
    }

    void uploadStarted(String text) {
        upload.set(text);
        uploading.set(true);
        uploadRefused.set(false);
    }

    void uploadDone() {
        upload.set("");
        uploading.set(false);
        uploadRefused.set(false);
    }

    void uploadRefused(String reason) {
        upload.set(reason);
        uploading.set(false);
        uploadRefused.set(true);
    }

    /** The agent has read why the file was refused. */
    public void dismissUpload() {
        if (!uploading.get()) {
            uploadDone();
        }
    }

    void update(StaffSession next, long update) {
        session.set(next);
        updatedIn = update;
        answerBy = next.answerBy();
        // what the visitor read while nobody was connected to hear it: its messages, when the
        // resume brings them, show "read" at once (never backwards)
        transcript.markReadByVisitor(next.visitorReadSeq());
        closed.set(next.status() == SessionStatus.CLOSED);
        if (closed.get()) {
            visitorTyping.set(false);
            answerBy = null;
        }
    }

    /** Which update last changed the session; see {@link ActiveChatsViewModel}. */
    long updatedIn() {
        return updatedIn;
    }

    /** The agent wrote in the chat: the server no longer pulls it back. */
    void answered() {
        answerBy = null;
        timeLeft.set("");
    }

    /**
     * The agent's own message {@code seq} arrived on the socket. One the session already counted
     * (its {@code last_seq}) is from before, perhaps from an earlier assignment, and the session's
     * {@code answer_by} has the server's word on it; only a newer one answers the chat.
     */
    void answeredWith(long seq) {
        if (seq > session.get().lastSeq()) {
            answered();
        }
    }

    void tick(Instant now) {
        if (visitorTyping.get() && typingUntil != null && now.isAfter(typingUntil)) {
            visitorTyping.set(false);
        }
        timeLeft.set(answerBy == null ? "" : Durations.clock(Duration.between(now, answerBy)));
    }

    /** A new visitor message counts as unread unless it was counted in the server's figure. */
    boolean isNewToUnread(long seq) {
        return seq > countedUpTo;
    }

    void addUnread() {
        unread.set(unread.get() + 1);
    }

    void clearUnread() {
        unread.set(0);
    }

    /** The visitor started (or is still) typing, or stopped, as the socket said at {@code now}. */
    void setVisitorTyping(boolean typing, Instant now) {
        typingUntil = typing ? now.plus(TYPING_SHOWS_FOR) : null;
        visitorTyping.set(typing);
    }

    long readSentUpTo() {
        return readSentUpTo;
    }

    void readSent(long seq) {
        readSentUpTo = seq;
    }

    boolean resuming() {
        return resuming;
    }

    void setResuming(boolean value) {
        resuming = value;
    }
}
