package id.oss.livechat.desktop.board;

import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.chat.Transcript;
import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Durations;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.staff.TransferRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisor's live board: every agent with its status and its chats against its capacity, the
 * oldest waiting chat of each department, and every chat in progress. Fed by the supervisor's
 * socket, which hears of every chat ({@code session.updated}, {@code queue.updated}, {@code
 * presence}), after one load of the agents, the active chats and the queue on each connect. A chat
 * can be watched read-only as it happens, and reassigned to another agent.
 *
 * <p>Waiting and serving times are counted from the view-model's clock: {@link #tick} (each second
 * from the view) moves {@link #nowProperty}, and the view shows {@link #waited} again.
 *
 * <p>Frames arrive on the UI thread; the lists are changed only there.
 */
public final class BoardViewModel {
    private final StaffApi api;
    private final Background background;
    private final Localization i18n;
    private final Notifier notifier;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>();

    private final Map<UUID, Agent> accounts = new LinkedHashMap<>();
    private final Map<UUID, StaffSession> active = new LinkedHashMap<>();
    private List<StaffSession> waiting = List.of();
    private final Map<UUID, Transcript> watched = new HashMap<>();

    private final ObservableList<AgentLine> agents = FXCollections.observableArrayList();
    private final ObservableList<DepartmentWait> departments = FXCollections.observableArrayList();
    private final ObservableList<StaffSession> chats = FXCollections.observableArrayList();

    public BoardViewModel(
            LiveLink link,
            StaffApi api,
            Background background,
            Localization i18n,
            Notifier notifier,
            Clock clock) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.notifier = notifier;
        this.clock = clock;
        this.now.set(clock.instant());
        link.onFrame(this::onFrame);
        link.onConnected(this::load);
    }

    public ObservableList<AgentLine> agents() {
        return agents;
    }

    public ObservableList<DepartmentWait> departments() {
        return departments;
    }

    /** The chats in progress, the longest-running first. */
    public ObservableList<StaffSession> chats() {
        return chats;
    }

    /** The board's time; it moves on each {@link #tick}. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** How long since {@code since}, as the board shows it ("4:05"), at the board's time. */
    public String waited(Instant since) {
        return since == null ? "" : Durations.clock(Duration.between(since, now.get()).abs());
    }

    /** The agents a chat can be handed to: agents, not the one serving it. */
    public List<AgentLine> reassignTargets(StaffSession chat) {
        UUID serving = chat.agent() == null ? null : chat.agent().id();
        return agents.stream().filter(a -> !a.id().equals(serving)).toList();
    }

    // Commands

    /** Moves the board's time to now, so waiting and serving times count up. */
    public void tick() {
        now.set(clock.instant());
    }

    /** Loads the agents, the chats in progress and the queue (each connect, and on demand). */
    public void load() {
        background.run(api::agents, this::replaceAgents, this::loadFailed);
        background.run(() -> api.active().sessions(), this::replaceActive, this::loadFailed);
        background.run(() -> api.waiting().sessions(), this::replaceWaiting, this::loadFailed);
    }

    /** Hands a chat in progress to another agent; the board follows from the socket. */
    public void reassign(StaffSession chat, AgentLine to) {
        background.run(
                () -> api.transfer(new TransferRequest(chat.sessionId(), to.id(), null, null)),
                moved -> {
                    apply(moved);
                    notifier.notify(Notice.info(i18n.text("board.reassigned", to.name())));
                },
                error ->
                        notifier.notify(
                                Notice.error(ErrorTexts.of(error, i18n, "board.error.reassign"))));
    }

    /**
     * A chat's transcript to watch read-only: loaded once, then kept up to date from the socket
     * until {@link #unwatch}.
     */
    public ObservableList<MessageItem> watch(UUID sessionId) {
        Transcript transcript = watched.computeIfAbsent(sessionId, id -> new Transcript());
        background.run(
                () -> api.messages(sessionId, 0, 500).messages(),
                messages -> messages.forEach(transcript::addStored),
                this::loadFailed);
        return transcript.items();
    }

    public void unwatch(UUID sessionId) {
        watched.remove(sessionId);
    }

    // Events

    private void onFrame(ServerFrame frame) {
        if (frame instanceof ServerFrame.SessionUpdated update && update.session() != null) {
            apply(update.session());
        } else if (frame instanceof ServerFrame.SessionUpdated update
                && update.status() != SessionStatus.ACTIVE) {
            if (active.remove(update.sessionId()) != null) {
                showActive();
            }
        } else if (frame instanceof ServerFrame.QueueUpdated update) {
            replaceWaiting(update.waiting());
        } else if (frame instanceof ServerFrame.Presence presence) {
            presence(presence.agentId(), presence.status());
        } else if (frame instanceof ServerFrame.MessageNew message) {
            Transcript transcript = watched.get(message.sessionId());
            if (transcript != null) {
                transcript.addStored(message.toMessage());
            }
        }
    }

    private void apply(StaffSession session) {
        if (session.status() == SessionStatus.ACTIVE) {
            active.put(session.sessionId(), session);
        } else {
            active.remove(session.sessionId());
        }
        showActive();
    }

    private void presence(UUID agentId, AgentStatus status) {
        Agent known = accounts.get(agentId);
        if (known == null) {
            return;
        }
        accounts.put(
                agentId,
                new Agent(
                        known.id(),
                        known.username(),
                        known.displayName(),
                        known.email(),
                        known.role(),
                        status,
                        known.departmentIds(),
                        known.maxChats(),
                        known.activeChats(),
                        known.active()));
        showAgents();
    }

    private void replaceAgents(List<Agent> all) {
        accounts.clear();
        all.forEach(agent -> accounts.put(agent.id(), agent));
        showAgents();
    }

    private void replaceActive(List<StaffSession> sessions) {
        active.clear();
        sessions.forEach(s -> active.put(s.sessionId(), s));
        showActive();
    }

    private void replaceWaiting(List<StaffSession> sessions) {
        waiting = List.copyOf(sessions);
        showDepartments();
    }

    private void loadFailed(Throwable error) {
        notifier.notify(Notice.error(ErrorTexts.of(error, i18n, "board.error.load")));
    }

    // What the board shows

    private void showActive() {
        List<StaffSession> sorted = new ArrayList<>(active.values());
        sorted.sort(Comparator.comparing(BoardViewModel::since));
        chats.setAll(sorted);
        showAgents();
    }

    /** Agents (active accounts of role agent) and anyone else serving a chat right now. */
    private void showAgents() {
        Map<UUID, Integer> load = new HashMap<>();
        active.values().stream()
                .filter(s -> s.agent() != null && s.agent().id() != null)
                .forEach(s -> load.merge(s.agent().id(), 1, Integer::sum));
        List<AgentLine> lines = new ArrayList<>();
        for (Agent agent : accounts.values()) {
            int serving = load.getOrDefault(agent.id(), 0);
            if (agent.active() && (agent.role() == StaffRole.AGENT || serving > 0)) {
                lines.add(
                        new AgentLine(
                                agent.id(),
                                agent.displayName(),
                                agent.status(),
                                serving,
                                agent.maxChats()));
            }
        }
        lines.sort(
                Comparator.comparing((AgentLine a) -> a.status() != AgentStatus.ONLINE)
                        .thenComparing(AgentLine::name));
        agents.setAll(lines);
    }

    private void showDepartments() {
        Map<UUID, DepartmentWait> byDepartment = new LinkedHashMap<>();
        for (StaffSession session : waiting) {
            if (session.department() == null) {
                continue;
            }
            UUID id = session.department().id();
            DepartmentWait known = byDepartment.get(id);
            Instant since = since(session);
            if (known == null) {
                byDepartment.put(
                        id,
                        new DepartmentWait(
                                id, session.department().name(), 1, session.topic(), since));
            } else {
                boolean older = since.isBefore(known.oldestSince());
                byDepartment.put(
                        id,
                        new DepartmentWait(
                                id,
                                known.department(),
                                known.waiting() + 1,
                                older ? session.topic() : known.oldestTopic(),
                                older ? since : known.oldestSince()));
            }
        }
        List<DepartmentWait> lines = new ArrayList<>(byDepartment.values());
        lines.sort(Comparator.comparing(DepartmentWait::oldestSince));
        departments.setAll(lines);
    }

    private static Instant since(StaffSession session) {
        if (session.assignedAt() != null && session.status() == SessionStatus.ACTIVE) {
            return session.assignedAt();
        }
        if (session.queuedAt() != null) {
            return session.queuedAt();
        }
        return session.startedAt() == null ? Instant.EPOCH : session.startedAt();
    }
}
