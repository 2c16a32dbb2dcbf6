package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small dialogs of the chat actions: close with a reason, transfer with a target and note. */
public final class ChatDialogs {
    private ChatDialogs() {}

    public static void close(Window owner, ActiveChatsViewModel chats, Localization i18n) {
        ChatViewModel chat = chats.selected();
        if (chat == null) {
            return;
        }
        if (chat.closedProperty().get()) {
            chats.closeSelected(null); // already ended by the visitor: just put it away
            return;
        }
        Dialog<ButtonType> dialog = dialog(owner, i18n.text("close.title"));
        TextField reason = new TextField();
        reason.setPromptText(i18n.text("close.reason.prompt"));
        ButtonType confirm =
                new ButtonType(i18n.text("close.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel(i18n));
        dialog.getDialogPane()
                .setContent(new VBox(8, new Label(i18n.text("close.question")), reason));
        dialog.setOnShown(e -> reason.requestFocus());
        dialog.showAndWait()
                .filter(confirm::equals)
                .ifPresent(ok -> chats.closeSelected(reason.getText()));
    }

    public static void transfer(
            Window owner,
            ActiveChatsViewModel chats,
            TransferViewModel transfer,
            Localization i18n) {
        if (chats.selected() == null) {
            return;
        }
        Dialog<ButtonType> dialog = dialog(owner, i18n.text("transfer.title"));
        ComboBox<TransferTarget> target = new ComboBox<>(transfer.targets());
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText(i18n.text("transfer.target.prompt"));
        target.valueProperty().bindBidirectional(transfer.targetProperty());
        TextArea note = new TextArea();
        note.setPromptText(i18n.text("transfer.note.prompt"));
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(transfer.noteProperty());
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(transfer.statusProperty());
        ButtonType confirm =
                new ButtonType(i18n.text("transfer.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel(i18n));
        dialog.getDialogPane()
                .lookupButton(confirm)
                .disableProperty()
                .bind(transfer.canTransfer().not());
        dialog.getDialogPane()
                .setContent(
                        new VBox(
                                8,
                                new Label(i18n.text("transfer.target")),
                                target,
                                new Label(i18n.text("transfer.note")),
                                note,
                                status));
        transfer.load();
        dialog.showAndWait()
                .filter(confirm::equals)
                .ifPresent(
                        ok -> {
                            TransferTarget chosen = transfer.targetProperty().get();
                            chats.transferSelected(
                                    chosen.agentId(),
                                    chosen.departmentId(),
                                    transfer.noteProperty().get());
                        });
    }

    static Dialog<ButtonType> dialog(Window owner, String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        return dialog;
    }

    private static ButtonType cancel(Localization i18n) {
        return new ButtonType(i18n.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
