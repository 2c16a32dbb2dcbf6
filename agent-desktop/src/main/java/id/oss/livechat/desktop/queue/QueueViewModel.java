package id.oss.livechat.desktop.queue;

import id.oss.livechat.desktop.chat.ActiveChatsViewModel;
import id.oss.livechat.desktop.chat.Sessions;
import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The waiting queue, as the server orders it (priority, then age), replaced whole by every {@code
 * queue.updated}, and loaded again each time the socket signs in. Taking a chat assigns it to
 * oneself; a supervisor can also assign it to an agent. A take the server refuses keeps the chat in
 * view, says the server's real reason, and asks for the queue at once.
 */
public final class QueueViewModel {
    // Properties
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ObservableList<QueueItem> readOnlyItems =
            FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyBooleanWrapper taking = new ReadOnlyBooleanWrapper();
    private final ObservableList<Agent> agents = FXCollections.observableArrayList();

    private final StaffApi api;
    private final Background background;
    private final Localization i18n;
    private final Notifier notifier;
    private final Clock clock;
    private final StaffProfile me;
    private final ActiveChatsViewModel chats;
    private Set<UUID> known = null; // null until the first list: its sessions are not "new"
    // counts the lists applied: a REST answer asked for before a later socket list is older
    private long lists;

    public QueueViewModel(
            LiveLink link,
            StaffApi api,
            Background background,
            Localization i18n,
            Notifier notifier,
            Clock clock,
            StaffProfile me,
            ActiveChatsViewModel chats) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.notifier = notifier;
        this.clock = clock;
        this.me = me;
        this.chats = chats;
        link.onFrame(
                frame -> {
                    if (frame instanceof ServerFrame.QueueUpdated update) {
                        replace(update.waiting());
                    }
                });
        link.onConnected(this::load);
    }

    public ObservableList<QueueItem> items() {
        return readOnlyItems;
    }

    /** True while a take or assignment is on its way: the buttons wait. */
    public ReadOnlyBooleanProperty takingProperty() {
        return taking.getReadOnlyProperty();
    }

    /** Supervisors and admins may assign a waiting chat to any agent. */
    public boolean canAssignToOthers() {
        return me.role().overseesAllChats();
    }

    /** The agents a supervisor can assign to, loaded by {@link #loadAgents()}. */
    public ObservableList<Agent> agents() {
        return agents;
    }

    // Commands

    public void load() {
        load(() -> {});
    }

    /** Loads the queue, then runs {@code then} (whether it loaded or not). */
    private void load(Runnable then) {
        long asked = lists;
        background.run(
                api::waiting,
                list -> {
                    if (lists == asked) {
                        replace(list.sessions());
                    }
                    then.run();
                },
                error -> {
                    notifier.notify(Notice.error(i18n.text("queue.error.load")));
                    then.run();
                });
    }

    /** Moves every waiting time on; the view calls it each second. */
    public void tick() {
        Instant now = clock.instant();
        items.forEach(item -> item.tick(now));
    }

    /** The first in the queue: the one that waited longest among the most urgent. */
    public void takeNext() {
        if (!items.isEmpty()) {
            take(items.get(0));
        }
    }

    public void take(QueueItem item) {
        assign(item, me.id(), session -> chats.open(session, true));
    }

    public void assignTo(QueueItem item, Agent agent) {
        assign(
                item,
                agent.id(),
                session ->
                        notifier.notify(
                                Notice.info(
                                        i18n.text(
                                                "queue.assigned",
                                                Sessions.topic(item.session(), i18n),
                                                agent.displayName()))));
    }

    public void loadAgents() {
        background.run(
                api::agents,
                agents::setAll,
                error -> notifier.notify(Notice.error(i18n.text("queue.error.agents"))));
    }

    void replace(List<StaffSession> waiting) {
        lists++;
        Instant now = clock.instant();
        Set<UUID> ids = new HashSet<>();
        boolean arrived = false;
        for (StaffSession session : waiting) {
            ids.add(session.sessionId());
            arrived |= known != null && !known.contains(session.sessionId());
        }
        known = ids;
        items.setAll(waiting.stream().map(s -> new QueueItem(s, now)).toList());
        if (arrived) {
            notifier.notify(Notice.attention(i18n.text("queue.notice.arrived")));
        }
    }

    private void assign(QueueItem item, UUID agentId, Consumer<StaffSession> then) {
        if (taking.get()) {
            return;
        }
        taking.set(true);
        background.run(
                () -> api.assign(item.session().sessionId(), agentId),
                session -> {
                    taking.set(false);
                    items.remove(item);
                    then.accept(session);
                },
                error -> {
                    taking.set(false);
                    // the chat stays where it is: only the server's list, asked for at once, says
                    // who has it now; the reason shows after it, so no arrival notice hides it
                    String reason = ErrorTexts.of(error, i18n, "queue.error.take");
                    load(() -> notifier.notify(Notice.error(reason)));
                });
    }
}
