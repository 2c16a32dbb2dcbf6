package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.tagging.CloseReason;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The small dialogs of the chat actions: close with a reason, transfer with a target and note. */
public final class ChatDialogs {
    private ChatDialogs() {}

    public static void close(Window owner, ActiveChatsViewModel chats, Localization i18n) {
        close(owner, chats, i18n, List.of());
    }

    /**
     * Asks how the chat ended: one of the close reasons admins defined (if any), and free text.
     * Enter in the text closes.
     */
    public static void close(
            Window owner,
            ActiveChatsViewModel chats,
            Localization i18n,
            List<CloseReason> reasons) {
        ChatViewModel chat = chats.selected();
        if (chat == null) {
            return;
        }
        if (chat.closedProperty().get()) {
            chats.closeSelected(null); // already ended by the visitor: just put it away
            return;
        }
        Dialog<ButtonType> dialog = dialog(owner, i18n.text("close.title"));
        ComboBox<CloseReason> code = new ComboBox<>();
        code.setId("close-reason-code");
        code.getItems().add(null); // no reason from the list
        code.getItems().addAll(reasons);
        code.setMaxWidth(Double.MAX_VALUE);
        code.setPromptText(i18n.text("close.code.prompt"));
        code.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(CloseReason reason) {
                        if (reason == null) {
                            return i18n.text("close.code.none");
                        }
                        return i18n.language() == AppLanguage.ENGLISH
                                ? reason.labelEn()
                                : reason.labelId();
                    }

                    @Override
                    public CloseReason fromString(String text) {
                        return null;
                    }
                });
        code.setVisible(!reasons.isEmpty());
        code.setManaged(!reasons.isEmpty());
        TextField reason = new TextField();
        reason.setId("close-reason");
        reason.setPromptText(i18n.text("close.reason.prompt"));
        ButtonType confirm =
                new ButtonType(i18n.text("close.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel(i18n));
        dialog.getDialogPane()
                .setContent(new VBox(8, new Label(i18n.text("close.question")), code, reason));
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        // Enter in the reason confirms
        reason.setOnAction(e -> confirmButton.fire());
        // a Space typed right after Ctrl+W belongs to the reason, and must not press "close"
        focusFirst(dialog, reason);
        dialog.showAndWait()
                .filter(confirm::equals)
                .ifPresent(
                        ok ->
                                chats.closeSelected(
                                        code.getValue() == null ? null : code.getValue().code(),
                                        reason.getText()));
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

    /**
     * Puts the caret in {@code field} when the dialog opens, and keeps it there until the agent
     * acts: the dialog hands its default button the focus as it opens, and a Space typed right
     * after Ctrl+W would then press it. Once the agent has typed or clicked, Tab moves freely.
     */
    private static void focusFirst(Dialog<?> dialog, TextField field) {
        boolean[] acted = {false};
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> acted[0] = true);
        dialog.getDialogPane().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> acted[0] = true);
        ChangeListener<Boolean> backToField =
                (obs, was, focused) -> {
                    if (focused && !acted[0]) {
                        field.requestFocus();
                    }
                };
        dialog.getDialogPane()
                .getButtonTypes()
                .forEach(
                        type ->
                                dialog.getDialogPane()
                                        .lookupButton(type)
                                        .focusedProperty()
                                        .addListener(backToField));
        dialog.setOnShown(e -> field.requestFocus());
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
