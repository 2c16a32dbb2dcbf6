package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.model.AgentStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The agent's own availability. The shown status changes only once the server has it, so the screen
 * never claims "online" while the routing still thinks "away". One change is on its way at a time:
 * a choice made meanwhile (the "online" of sign-in, then Ctrl+Shift+A at once) is sent after it, so
 * two answers crossing on the wire cannot leave the screen and the server disagreeing.
 */
public final class AgentStatusViewModel {
    // Properties
    private final ReadOnlyObjectWrapper<AgentStatus> status =
            new ReadOnlyObjectWrapper<>(AgentStatus.OFFLINE);

    private final StaffApi api;
    private final Background background;
    private final Localization i18n;
    private final Notifier notifier;
    private boolean sending;
    private AgentStatus wanted; // chosen while a change was on its way; sent after it

    public AgentStatusViewModel(
            StaffApi api, Background background, Localization i18n, Notifier notifier) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.notifier = notifier;
    }

    public ReadOnlyObjectProperty<AgentStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    public void change(AgentStatus next) {
        if (next == null) {
            return;
        }
        wanted = next;
        if (!sending) {
            sendWanted();
        }
    }

    private void sendWanted() {
        AgentStatus next = wanted;
        wanted = null;
        if (next == null || next == status.get()) {
            return;
        }
        sending = true;
        background.run(
                () -> api.setStatus(next),
                agent -> {
                    sending = false;
                    status.set(agent.status() != null ? agent.status() : next);
                    sendWanted();
                },
                error -> {
                    sending = false;
                    notifier.notify(Notice.error(i18n.text("status.error")));
                    sendWanted();
                });
    }
}
