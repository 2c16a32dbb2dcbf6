package id.oss.livechat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.testing.DemoData;
import id.oss.livechat.desktop.testing.FakeStaffApi;
import id.oss.livechat.desktop.util.Background;
import org.junit.jupiter.api.Test;

class TransferViewModelTest {
    private final TransferViewModel transfer =
            new TransferViewModel(
                    new FakeStaffApi(),
                    Background.sameThread(),
                    new Localization(AppLanguage.ENGLISH),
                    DemoData.AGENT.id());

    @Test
    void offersOtherOnlineAgentsThenTheDepartmentsQueues() {
        transfer.load();

        assertThat(transfer.targets())
                .extracting(TransferTarget::label)
                .containsExactly(
                        "Agent: Rudi Hartono (1/3 chats)",
                        "Department queue: Perizinan Berusaha",
                        "Department queue: Layanan OSS",
                        "Department queue: Pengaduan");
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
