package id.oss.livechat.desktop.queue;

import id.oss.livechat.desktop.chat.Sessions;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.staff.Agent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** A supervisor picks the agent who gets a waiting chat. */
final class AssignDialog {
    private AssignDialog() {}

    static void show(Window owner, QueueViewModel viewModel, QueueItem item, Localization i18n) {
        viewModel.loadAgents();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.text("queue.assign"));
        dialog.setHeaderText(
                i18n.text("queue.assign.header", Sessions.topic(item.session(), i18n)));
        if (owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        ComboBox<Agent> agents = new ComboBox<>(viewModel.agents());
        agents.setMaxWidth(Double.MAX_VALUE);
        agents.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(Agent agent) {
                        return agent == null
                                ? ""
                                : i18n.text(
                                        "queue.assign.agent",
                                        agent.displayName(),
                                        i18n.text("status." + agent.status().wire()),
                                        agent.activeChats(),
                                        agent.maxChats());
                    }

                    @Override
                    public Agent fromString(String text) {
                        return null;
                    }
                });
        ButtonType confirm =
                new ButtonType(i18n.text("queue.assign.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel =
                new ButtonType(i18n.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel);
        dialog.getDialogPane()
                .lookupButton(confirm)
                .disableProperty()
                .bind(agents.valueProperty().isNull());
        dialog.getDialogPane().setContent(new VBox(8, agents));
        dialog.showAndWait()
                .filter(confirm::equals)
                .ifPresent(ok -> viewModel.assignTo(item, agents.getValue()));
    }
}
