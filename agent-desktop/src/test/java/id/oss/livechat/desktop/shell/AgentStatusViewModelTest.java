package id.oss.livechat.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ServerUnreachableException;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.model.AgentStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentStatusViewModelTest {
    private final FakeStaffApi api = new FakeStaffApi();
    private final List<Notice> notices = new ArrayList<>();
    private final AgentStatusViewModel status =
            new AgentStatusViewModel(
                    api,
                    Background.sameThread(),
                    new Localization(AppLanguage.ENGLISH),
                    notices::add);

    @Test
    void aChosenStatusIsSentAndShownOnceTheServerHasIt() {
        status.change(AgentStatus.ONLINE);
        status.change(AgentStatus.AWAY);

        assertThat(api.statuses).containsExactly(AgentStatus.ONLINE, AgentStatus.AWAY);
        assertThat(status.statusProperty().get()).isEqualTo(AgentStatus.AWAY);
    }

    @Test
    void aFailedChangeKeepsTheOldStatusAndSaysSo() {
        status.change(AgentStatus.ONLINE);
        api.statusFailure = new ServerUnreachableException("down", null);

        status.change(AgentStatus.AWAY);

        assertThat(status.statusProperty().get()).isEqualTo(AgentStatus.ONLINE);
        assertThat(notices).singleElement().extracting(Notice::kind).isEqualTo(Notice.Kind.ERROR);
    }

    @Test
    void aChoiceMadeWhileAChangeIsOnItsWayIsSentAfterIt() {
        List<Runnable> answers = new ArrayList<>(); // the server's answers, delivered by hand
        Background later =
                new Background() {
                    @Override
                    public <T> void run(
                            java.util.concurrent.Callable<T> work,
                            java.util.function.Consumer<? super T> onSuccess,
                            java.util.function.Consumer<Throwable> onFailure) {
                        answers.add(
                                () -> {
                                    try {
                                        onSuccess.accept(work.call());
                                    } catch (Exception e) {
                                        onFailure.accept(e);
                                    }
                                });
                    }
                };
        AgentStatusViewModel slow =
                new AgentStatusViewModel(
                        api, later, new Localization(AppLanguage.ENGLISH), notices::add);

        slow.change(AgentStatus.ONLINE); // sign-in
        slow.change(AgentStatus.AWAY); // Ctrl+Shift+A before the server answered
        assertThat(answers).hasSize(1);
        answers.remove(0).run();
        assertThat(slow.statusProperty().get()).isEqualTo(AgentStatus.ONLINE);
        answers.remove(0).run();

        assertThat(api.statuses).containsExactly(AgentStatus.ONLINE, AgentStatus.AWAY);
        assertThat(slow.statusProperty().get()).isEqualTo(AgentStatus.AWAY);
        assertThat(answers).isEmpty();
    }

    @Test
    void choosingTheCurrentStatusSendsNothing() {
        status.change(AgentStatus.OFFLINE);

        assertThat(api.calls).isEmpty();
    }
}
