package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.TransferRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agent's own open chats, fed by the staff socket: messages in order without duplicates, acks,
 * typing, read receipts, unread counts. Every time the socket signs in (the first time and after
 * each reconnect) the server follows the agent's chats, and only then are they (re)loaded: a chat
 * assigned at any moment arrives either in that list or as a {@code session.updated} afterwards,
 * never in between. Each chat then resumes from its last seq, and messages typed meanwhile are sent
 * with their original {@code client_msg_id}.
 */
public final class ActiveChatsViewModel {
    private static final System.Logger LOG = System.getLogger(ActiveChatsViewModel.class.getName());

    // Properties
    // each chat's unread count is part of the list's state: the window title sums them
    private final ObservableList<ChatViewModel> chats =
            FXCollections.observableArrayList(chat -> new Observable[] {chat.unreadProperty()});
    private final ObservableList<ChatViewModel> readOnlyChats =
            FXCollections.unmodifiableObservableList(chats);
    private final ObjectProperty<ChatViewModel> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<StaffSession> selectedSession =
            new ReadOnlyObjectWrapper<>();
    private final ChangeListener<StaffSession> followSelected =
            (obs, old, now) -> selectedSession.set(now);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final IntegerBinding unreadTotal =
            Bindings.createIntegerBinding(
                    () -> chats.stream().mapToInt(c -> c.unreadProperty().get()).sum(), chats);

    private final LiveLink link;
    private final StaffApi api;
    private final Background background;
    private final Localization i18n;
    private final Notifier notifier;
    private final Clock clock;
    private final StaffProfile me;
    private final BooleanSupplier windowFocused;
    private final ChatProtocol protocol;
    // counts the changes applied to chats (socket and REST): a REST answer asked for before a
    // chat's last change is older than what the chat shows, and must not undo it
    private long changes;
    // the change each session was last heard of on the socket, shown here or not: a list asked
    // for before it must not bring back a chat closed or handed on meanwhile (bounded: overseers
    // hear of every chat)
    private final Map<UUID, Long> heardOf =
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
                    return size() > 2000;
                }
            };

    public ActiveChatsViewModel(
            LiveLink link,
            StaffApi api,
            Background background,
            Localization i18n,
            Notifier notifier,
            Clock clock,
            StaffProfile me,
            BooleanSupplier windowFocused) {
        this.link = link;
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.notifier = notifier;
        this.clock = clock;
        this.me = me;
        this.windowFocused = windowFocused;
        this.protocol = new ChatProtocol(link);
        link.onFrame(this::onFrame);
        link.onConnected(this::onConnected);
        selected.addListener((obs, old, now) -> markRead(now));
        selected.addListener(
                (obs, old, now) -> {
                    if (old != null) {
                        old.sessionProperty().removeListener(followSelected);
                    }
                    if (now != null) {
                        now.sessionProperty().addListener(followSelected);
                    }
                    selectedSession.set(now == null ? null : now.session());
                });
    }

    public ObservableList<ChatViewModel> chats() {
        return readOnlyChats;
    }

    /** The chat in the middle pane; the view binds its list selection to it. */
    public ObjectProperty<ChatViewModel> selectedProperty() {
        return selected;
    }

    public ChatViewModel selected() {
        return selected.get();
    }

    /** The selected chat's session as it changes: the contact panel follows it. */
    public ReadOnlyObjectProperty<StaffSession> selectedSessionProperty() {
        return selectedSession.getReadOnlyProperty();
    }

    public Optional<ChatViewModel> find(UUID sessionId) {
        return chats.stream().filter(c -> c.sessionId().equals(sessionId)).findFirst();
    }

    /** True once the agent's chats were loaded after the first sign-in (or that failed). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The visitors' messages not read yet, over all chats: the window title shows it. */
    public IntegerBinding unreadTotal() {
        return unreadTotal;
    }

    /** Chats still running (not ended): what signing out would hand back to the queue. */
    public long openCount() {
        return chats.stream().filter(c -> !c.closedProperty().get()).count();
    }

    // Commands

    /**
     * (Re)loads the agent's own chats and merges them with those shown: new ones open, shown ones
     * take the server's state unless the socket changed them meanwhile, and a shown one missing
     * from the list (closed, requeued or transferred while the socket was down) is looked up.
     */
    public void reload() {
        long asked = changes;
        background.run(
                () -> api.activeOf(me.id()),
                list -> merge(list.sessions(), asked),
                error -> {
                    notifier.notify(Notice.error(i18n.text("chat.error.load")));
                    loaded.set(true);
                });
    }

    /** Shows a chat (newly taken or assigned) and asks the socket for its messages. */
    public ChatViewModel open(StaffSession session, boolean select) {
        ChatViewModel chat = find(session.sessionId()).orElse(null);
        if (chat == null) {
            chat = new ChatViewModel(session, i18n);
            chat.update(session, ++changes);
            chats.add(chat);
            protocol.watchTyping(chat);
            protocol.resume(chat);
        } else {
            chat.update(session, ++changes);
        }
        chat.tick(clock.instant());
        if (select || selected.get() == null) {
            selected.set(chat);
        }
        return chat;
    }

    /** Moves every chat's unanswered countdown on; the view calls it each second. */
    public void tick() {
        Instant now = clock.instant();
        chats.forEach(chat -> chat.tick(now));
    }

    public void selectNext() {
        selectOffset(1);
    }

    public void selectPrevious() {
        selectOffset(-1);
    }

    /** Ctrl+1 … Ctrl+9. */
    public void selectNumber(int oneBased) {
        if (oneBased >= 1 && oneBased <= chats.size()) {
            selected.set(chats.get(oneBased - 1));
        }
    }

    /** The window came to the front: what the selected chat shows is now read. */
    public void windowFocusGained() {
        markRead(selected.get());
    }

    /** Sends the selected chat's draft; queued if the connection is down. */
    public boolean sendDraft() {
        ChatViewModel chat = selected.get();
        if (chat == null || !chat.canSend().get()) {
            return false;
        }
        String text = chat.draftProperty().get().strip();
        String clientMsgId = UUID.randomUUID().toString();
        if (chat.noteModeProperty().get()) {
            writeNote(chat, clientMsgId, text);
            return true;
        }
        MessageItem message =
                chat.transcript().addPending(clientMsgId, me.displayName(), text, clock.instant());
        chat.draftProperty().set("");
        // if the socket is down this sends nothing: the message stays pending and goes out
        // with the same client_msg_id once the socket is back (see onConnected)
        protocol.send(chat, message);
        return true;
    }

    /**
     * Saves a staff-only note over REST: the draft is kept until the server has stored it, so a
     * refused note (the chat closed meanwhile, the server away) loses nothing. The stored note is
     * shown at once; its copy from the socket is the same number and is not shown twice.
     */
    private void writeNote(ChatViewModel chat, String clientMsgId, String text) {
        chat.noteSaving(true);
        background.run(
                () -> api.writeNote(chat.sessionId(), clientMsgId, text),
                note -> {
                    chat.noteSaving(false);
                    chat.transcript().addStored(note);
                    if (text.equals(chat.draftProperty().get().strip())) {
                        chat.draftProperty().set("");
                    }
                    chat.noteModeProperty().set(false);
                },
                error -> {
                    chat.noteSaving(false);
                    notifier.notify(Notice.error(ErrorTexts.of(error, i18n, "chat.error.note")));
                });
    }

    /** Ends the selected chat; a chat the visitor already ended is just put away. */
    public void closeSelected(String reason) {
        closeSelected(null, reason);
    }

    /**
     * Ends the selected chat with a close reason from the admins' list ({@code reasonCode}, or
     * null) and free text ({@code reason}, or null).
     */
    public void closeSelected(String reasonCode, String reason) {
        ChatViewModel chat = selected.get();
        if (chat == null) {
            return;
        }
        if (chat.closedProperty().get()) {
            remove(chat);
            return;
        }
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        background.run(
                () -> api.close(chat.sessionId(), trimmed, reasonCode),
                closedSession -> remove(chat),
                error ->
                        notifier.notify(
                                Notice.error(ErrorTexts.of(error, i18n, "chat.error.close"))));
    }

    /** Hands the selected chat to another agent or back to a department's queue. */
    public void transferSelected(UUID agentId, UUID departmentId, String note) {
        ChatViewModel chat = selected.get();
        if (chat == null) {
            return;
        }
        TransferRequest request =
                new TransferRequest(
                        chat.sessionId(),
                        agentId,
                        agentId == null ? departmentId : null,
                        note == null || note.isBlank() ? null : note.strip());
        background.run(
                () -> api.transfer(request),
                moved -> {
                    notifier.notify(Notice.info(i18n.text("chat.transferred")));
                    remove(chat); // with someone else now, or back in a queue
                },
                error ->
                        notifier.notify(
                                Notice.error(ErrorTexts.of(error, i18n, "chat.error.transfer"))));
    }

    // Socket events

    private void onConnected() {
        // first what we missed, in order; then what we typed meanwhile, with the same ids, so
        // that a message stored just before the drop is stored once and acked with its seq
        chats.forEach(protocol::resume);
        chats.forEach(protocol::resendPending);
        // the socket follows the agent's chats now: what was assigned before is in this list,
        // what is assigned after arrives as session.updated
        reload();
    }

    private void merge(List<StaffSession> mine, long asked) {
        Set<UUID> listed = new HashSet<>();
        for (StaffSession session : mine) {
            listed.add(session.sessionId());
            ChatViewModel chat = find(session.sessionId()).orElse(null);
            if (heardOf.getOrDefault(session.sessionId(), 0L) > asked) {
                continue; // the socket told of a newer state of this chat than the list has
            }
            if (chat == null) {
                open(session, false);
                if (loaded.get()) {
                    announceAssigned(session); // assigned while the socket was down
                }
            } else if (chat.updatedIn() <= asked && !chat.closedProperty().get()) {
                chat.update(session, ++changes);
                chat.tick(clock.instant());
            }
        }
        for (ChatViewModel chat : List.copyOf(chats)) {
            if (!listed.contains(chat.sessionId())
                    && chat.updatedIn() <= asked
                    && !chat.closedProperty().get()) {
                lookUp(chat);
            }
        }
        loaded.set(true);
    }

    /** A chat shown as running that the server no longer lists as this agent's. */
    private void lookUp(ChatViewModel chat) {
        long asked = changes;
        background.run(
                () -> api.session(chat.sessionId()),
                session -> {
                    if (chat.updatedIn() <= asked) {
                        apply(
                                session.sessionId(),
                                session.status(),
                                session.agent() == null ? null : session.agent().id(),
                                session,
                                session.closeReason());
                    }
                },
                error ->
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "could not look up " + chat.sessionId(),
                                error));
    }

    private void announceAssigned(StaffSession session) {
        notifier.notify(
                Notice.attention(i18n.text("chat.notice.assigned", Sessions.who(session, i18n))));
    }

    private void onFrame(ServerFrame frame) {
        if (frame instanceof ServerFrame.MessageNew message) {
            onMessage(message);
        } else if (frame instanceof ServerFrame.MessageAck ack) {
            find(ack.sessionId()).ifPresent(c -> acknowledged(c, ack));
        } else if (frame instanceof ServerFrame.Typing typing) {
            if (typing.sender() != null && typing.sender().type() == SenderType.VISITOR) {
                find(typing.sessionId())
                        .ifPresent(c -> c.setVisitorTyping(typing.typing(), clock.instant()));
            }
        } else if (frame instanceof ServerFrame.Read read) {
            if (read.reader() == SenderType.VISITOR) {
                find(read.sessionId())
                        .ifPresent(c -> c.transcript().markReadByVisitor(read.upToSeq()));
            }
        } else if (frame instanceof ServerFrame.ResumeDone done) {
            find(done.sessionId()).ifPresent(c -> resumed(c, done.lastSeq()));
        } else if (frame instanceof ServerFrame.SessionUpdated update) {
            onSessionUpdated(update);
        } else if (frame instanceof ServerFrame.Error error) {
            LOG.log(System.Logger.Level.WARNING, "server refused a frame: " + error);
        }
    }

    private void acknowledged(ChatViewModel chat, ServerFrame.MessageAck ack) {
        if (chat.transcript().acknowledge(ack.clientMsgId(), ack.seq(), ack.sentAt())) {
            chat.answered(); // stored: the server will not pull the chat back any more
        }
    }

    private void onMessage(ServerFrame.MessageNew message) {
        ChatViewModel chat = find(message.sessionId()).orElse(null);
        if (chat == null) {
            return;
        }
        if (!chat.transcript().addStored(message.toMessage())) {
            return; // a replay or echo of a message already shown
        }
        if (message.sender() != null
                && message.sender().type() == SenderType.AGENT
                && !Boolean.TRUE.equals(message.internal())
                && me.id() != null
                && me.id().equals(message.sender().id())) {
            // written from another of the agent's windows (a note is no answer); but a resume also
            // replays what the
            // agent wrote before the chat was handed back and assigned again, which the server's
            // timer does not count: only a message newer than the session the chat shows answers
            chat.answeredWith(message.seq());
        }
        boolean fromVisitor =
                message.sender() != null && message.sender().type() == SenderType.VISITOR;
        if (fromVisitor) {
            chat.setVisitorTyping(false, clock.instant());
            if (chat.isNewToUnread(message.seq())) {
                if (isBeingRead(chat)) {
                    markRead(chat);
                } else {
                    chat.addUnread();
                    notifier.notify(
                            Notice.attention(
                                    i18n.text(
                                            "chat.notice.message",
                                            Sessions.who(chat.session(), i18n))));
                }
            }
        }
        if (chat.transcript().hasGap() && !chat.resuming()) {
            // a message overtook another: ask for everything after the last one without a hole
            protocol.resume(chat);
        }
    }

    private void onSessionUpdated(ServerFrame.SessionUpdated update) {
        heardOf.put(update.sessionId(), ++changes);
        apply(
                update.sessionId(),
                update.status(),
                update.agent() == null ? null : update.agent().id(),
                update.session(),
                update.closeReason());
    }

    /**
     * A session's new state, from the socket or a look-up. Only the agent's own chats are shown: a
     * supervisor's socket hears of every chat, but "my chats" are the ones it serves.
     */
    private void apply(
            UUID sessionId,
            SessionStatus status,
            UUID agentId,
            StaffSession session,
            String closeReason) {
        ChatViewModel chat = find(sessionId).orElse(null);
        boolean mine = agentId != null && agentId.equals(me.id());
        if (status == SessionStatus.ACTIVE && mine) {
            if (session == null) {
                return;
            }
            if (chat == null) {
                open(session, false);
                announceAssigned(session);
            } else {
                chat.update(session, ++changes);
                chat.tick(clock.instant());
            }
        } else if (chat != null && status == SessionStatus.CLOSED) {
            // keep it on screen so the agent can finish reading; closing it again puts it away
            chat.update(
                    session != null ? session : Sessions.closed(chat.session(), closeReason),
                    ++changes);
            chat.tick(clock.instant());
        } else if (chat != null) {
            // requeued, or with another agent now
            remove(chat);
        }
    }

    private void resumed(ChatViewModel chat, long lastSeq) {
        chat.setResuming(false);
        if (chat.transcript().lastSeq() < lastSeq) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "resume of "
                            + chat.sessionId()
                            + " ended at "
                            + chat.transcript().lastSeq()
                            + ", server has "
                            + lastSeq);
        }
        if (isBeingRead(chat)) {
            markRead(chat);
        }
    }

    private boolean isBeingRead(ChatViewModel chat) {
        return chat == selected.get() && windowFocused.getAsBoolean();
    }

    private void markRead(ChatViewModel chat) {
        if (chat != null && windowFocused.getAsBoolean()) {
            protocol.markRead(chat);
        }
    }

    private void remove(ChatViewModel chat) {
        int index = chats.indexOf(chat);
        chats.remove(chat);
        if (selected.get() == chat) {
            selected.set(chats.isEmpty() ? null : chats.get(Math.min(index, chats.size() - 1)));
        }
    }

    private void selectOffset(int offset) {
        if (chats.isEmpty()) {
            return;
        }
        int index = chats.indexOf(selected.get());
        int next = Math.floorMod(index + offset, chats.size());
        selected.set(chats.get(next));
    }
}
