package id.oss.livechat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.staff.Agent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferViewModelTest {
    private final FakeStaffApi api = new FakeStaffApi();
    private final TransferViewModel transfer =
            new TransferViewModel(
                    api,
                    Background.sameThread(),
                    new Localization(AppLanguage.ENGLISH),
                    DemoData.AGENT.id());

    @Test
    void offersOtherOnlineAgentsThenTheDepartmentsQueuesWithWhoIsOnline() {
        // an online supervisor is not handed chats: not a target
        api.agents.add(
                new Agent(
                        DemoData.SUPERVISOR.id(),
                        "supervisor",
                        "Rina Wijaya",
                        null,
                        StaffRole.SUPERVISOR,
                        AgentStatus.ONLINE,
                        List.of(DemoData.PERIZINAN.id()),
                        3,
                        0,
                        true));

        transfer.load();

        assertThat(transfer.targets())
                .extracting(TransferTarget::label)
                .containsExactly(
                        "Agent: Rudi Hartono (1/3 chats)",
                        "Department queue: Perizinan Berusaha (2 agents online)",
                        "Department queue: Layanan OSS (1 agent online)",
                        "Department queue: Pengaduan (no agent online)");
        assertThat(transfer.targets().get(0).agentId()).isEqualTo(DemoData.uuid(2));
        assertThat(transfer.targets().get(1).departmentId()).isEqualTo(DemoData.PERIZINAN.id());
    }

    @Test
    void needsATargetAndANoteOfReasonableLength() {
        transfer.load();
        assertThat(transfer.canTransfer().get()).isFalse();

        transfer.targetProperty().set(transfer.targets().get(0));
        assertThat(transfer.canTransfer().get()).isTrue();

        transfer.noteProperty().set("x".repeat(TransferViewModel.MAX_NOTE + 1));
        assertThat(transfer.canTransfer().get()).isFalse();
    }
}
