package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.desktop.connection.StaffApi;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agent's open chats, fed by the staff socket: messages in order without duplicates, acks,
 * typing, read receipts, unread counts; after every reconnect each chat resumes from its last seq
 * and messages typed meanwhile are sent with their original {@code client_msg_id}.
 */
public final class ActiveChatsViewModel {
    private static final System.Logger LOG = System.getLogger(ActiveChatsViewModel.class.getName());

    // Properties
    private final ObservableList<ChatViewModel> chats = FXCollections.observableArrayList();
    private final ObservableList<ChatViewModel> readOnlyChats =
            FXCollections.unmodifiableObservableList(chats);
    private final ObjectProperty<ChatViewModel> selected = new SimpleObjectProperty<>();

    private final LiveLink link;
    private final StaffApi api;
    private final Background background;
    private final Localization i18n;
    private final Notifier notifier;
    private final Clock clock;
    private final StaffProfile me;
    private final BooleanSupplier windowFocused;
    private final ChatProtocol protocol;

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

    public Optional<ChatViewModel> find(UUID sessionId) {
        return chats.stream().filter(c -> c.sessionId().equals(sessionId)).findFirst();
    }

    // Commands

    /** Loads the chats already assigned (after sign-in); the socket keeps them current after. */
    public void load() {
        background.run(
                api::active,
                list -> list.sessions().forEach(s -> open(s, false)),
                error -> notifier.notify(Notice.error(i18n.text("chat.error.load"))));
    }

    /** Shows a chat (newly taken or assigned) and asks the socket for its messages. */
    public ChatViewModel open(StaffSession session, boolean select) {
        ChatViewModel chat = find(session.sessionId()).orElse(null);
        if (chat == null) {
            chat = new ChatViewModel(session, i18n);
            chats.add(chat);
            protocol.watchTyping(chat);
            protocol.resume(chat);
        } else {
            chat.update(session);
        }
        if (select || selected.get() == null) {
            selected.set(chat);
        }
        return chat;
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
        MessageItem message =
                chat.transcript().addPending(clientMsgId, me.displayName(), text, clock.instant());
        chat.draftProperty().set("");
        // if the socket is down this sends nothing: the message stays pending and goes out
        // with the same client_msg_id once the socket is back (see onConnected)
        protocol.send(chat, message);
        return true;
    }

    /** Ends the selected chat; a chat the visitor already ended is just put away. */
    public void closeSelected(String reason) {
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
                () -> api.close(chat.sessionId(), trimmed),
                closedSession -> remove(chat),
                error -> notifier.notify(Notice.error(i18n.text("chat.error.close"))));
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
                    if (me.role().overseesAllChats() && moved.status() == SessionStatus.ACTIVE) {
                        chat.update(moved);
                    } else {
                        remove(chat);
                    }
                },
                error -> notifier.notify(Notice.error(i18n.text("chat.error.transfer"))));
    }

    // Socket events

    private void onConnected() {
        // first what we missed, in order; then what we typed meanwhile, with the same ids, so
        // that a message stored just before the drop is stored once and acked with its seq
        chats.forEach(protocol::resume);
        chats.forEach(protocol::resendPending);
    }

    private void onFrame(ServerFrame frame) {
        if (frame instanceof ServerFrame.MessageNew message) {
            onMessage(message);
        } else if (frame instanceof ServerFrame.MessageAck ack) {
            find(ack.sessionId())
                    .ifPresent(
                            c ->
                                    c.transcript()
                                            .acknowledge(
                                                    ack.clientMsgId(), ack.seq(), ack.sentAt()));
        } else if (frame instanceof ServerFrame.Typing typing) {
            if (typing.sender() != null && typing.sender().type() == SenderType.VISITOR) {
                find(typing.sessionId()).ifPresent(c -> c.setVisitorTyping(typing.typing()));
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

    private void onMessage(ServerFrame.MessageNew message) {
        ChatViewModel chat = find(message.sessionId()).orElse(null);
        if (chat == null) {
            return;
        }
        if (!chat.transcript().addStored(message.toMessage())) {
            return; // a replay or echo of a message already shown
        }
        boolean fromVisitor =
                message.sender() != null && message.sender().type() == SenderType.VISITOR;
        if (fromVisitor) {
            chat.setVisitorTyping(false);
            if (chat.isNewToUnread(message.seq())) {
                if (isBeingRead(chat)) {
                    markRead(chat);
                } else {
                    chat.addUnread();
                    notifier.notify(
                            Notice.attention(
                                    i18n.text(
                                            "chat.notice.message",
                                            Sessions.title(chat.session()))));
                }
            }
        }
        if (chat.transcript().hasGap() && !chat.resuming()) {
            // a message overtook another: ask for everything after the last one without a hole
            protocol.resume(chat);
        }
    }

    private void onSessionUpdated(ServerFrame.SessionUpdated update) {
        StaffSession session = update.session();
        ChatViewModel chat = find(update.sessionId()).orElse(null);
        boolean mine =
                update.agent() != null && me.id() != null && me.id().equals(update.agent().id());
        if (update.status() == SessionStatus.ACTIVE && (mine || me.role().overseesAllChats())) {
            if (session == null) {
                return;
            }
            if (chat == null) {
                open(session, false);
                notifier.notify(
                        Notice.attention(
                                i18n.text("chat.notice.assigned", Sessions.title(session))));
            } else {
                chat.update(session);
            }
        } else if (chat != null && update.status() == SessionStatus.CLOSED) {
            // keep it on screen so the agent can finish reading; closing it again puts it away
            chat.update(
                    session != null
                            ? session
                            : Sessions.closed(chat.session(), update.closeReason()));
        } else if (chat != null) {
            // requeued, or transferred to someone else
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
