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
    void choosingTheCurrentStatusSendsNothing() {
        status.change(AgentStatus.OFFLINE);

        assertThat(api.calls).isEmpty();
    }
}
