package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.chat.ActiveChatsViewModel;
import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.desktop.connection.ReconnectPolicy;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.queue.QueueViewModel;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.UiThread;
import id.oss.livechat.model.staff.StaffProfile;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The chat-side view-models wired as the app wires them, but on the test's thread, with a fake
 * socket, a fake API and a clock and scheduler the test controls.
 */
public final class DeskFixture {
    public final FakeChatConnection socket = new FakeChatConnection();
    public final FakeStaffApi api = new FakeStaffApi();
    public final ManualScheduler scheduler = new ManualScheduler();
    public final MutableClock clock = new MutableClock(DemoData.NOW);
    public final HeldBackground background = new HeldBackground();
    public final Localization i18n = new Localization(AppLanguage.ENGLISH);
    public final List<Notice> notices = new CopyOnWriteArrayList<>();
    public boolean windowFocused = true;
    public final LiveLink link;
    public final ActiveChatsViewModel chats;
    public final QueueViewModel queue;

    public DeskFixture() {
        this(DemoData.AGENT);
    }

    public DeskFixture(StaffProfile me) {
        api.user = me;
        link =
                new LiveLink(
                        socket, new ReconnectPolicy(() -> 0.5), scheduler, UiThread.sameThread());
        chats =
                new ActiveChatsViewModel(
                        link, api, background, i18n, notices::add, clock, me, () -> windowFocused);
        queue = new QueueViewModel(link, api, background, i18n, notices::add, clock, me, chats);
    }

    /** Starts the link and lets the server accept it. */
    public DeskFixture connected() {
        link.start(URI.create("ws://localhost:8080/ws/agent"), "token-agent1");
        socket.acceptAndAuthenticate();
        return this;
    }
}
