package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.DepartmentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transfer dialog: online agents first, then the departments' queues with how many of their
 * agents are online (a queue nobody serves now only waits), and a note for the next agent, which
 * stays among staff.
 */
public final class TransferViewModel {
    static final int MAX_NOTE = 500;

    // Properties
    private final ObservableList<TransferTarget> targets = FXCollections.observableArrayList();
    private final ObjectProperty<TransferTarget> target = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canTransfer;

    private final StaffApi api;
    private final Background background;
    private final Localization i18n;
    private final UUID me;

    public TransferViewModel(StaffApi api, Background background, Localization i18n, UUID me) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.me = me;
        canTransfer =
                Bindings.createBooleanBinding(
                        () -> target.get() != null && note.get().length() <= MAX_NOTE,
                        target,
                        note);
    }

    public ObservableList<TransferTarget> targets() {
        return targets;
    }

    public ObjectProperty<TransferTarget> targetProperty() {
        return target;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canTransfer() {
        return canTransfer;
    }

    public void load() {
        status.set(i18n.text("transfer.loading"));
        background.run(
                () -> targets(api.agents(), api.departments()),
                list -> {
                    targets.setAll(list);
                    status.set(list.isEmpty() ? i18n.text("transfer.none") : "");
                },
                error -> status.set(i18n.text("transfer.error")));
    }

    private List<TransferTarget> targets(List<Agent> agents, List<DepartmentInfo> departments) {
        List<TransferTarget> list = new ArrayList<>();
        agents.stream()
                // chats are handed to agents only; supervisors take theirs by choice
                .filter(
                        a ->
                                a.active()
                                        && !a.id().equals(me)
                                        && a.role() == StaffRole.AGENT
                                        && a.status() == AgentStatus.ONLINE)
                .forEach(
                        a ->
                                list.add(
                                        new TransferTarget(
                                                i18n.text(
                                                        "transfer.agent",
                                                        a.displayName(),
                                                        a.activeChats(),
                                                        a.maxChats()),
                                                a.id(),
                                                null)));
        departments.stream()
                .filter(DepartmentInfo::active)
                .forEach(
                        d ->
                                list.add(
                                        new TransferTarget(
                                                i18n.text(
                                                        "transfer.department",
                                                        d.name(),
                                                        d.agentsOnline()),
                                                null,
                                                d.id())));
        return list;
    }
}
