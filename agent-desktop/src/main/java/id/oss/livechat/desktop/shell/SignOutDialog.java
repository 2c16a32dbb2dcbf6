package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.i18n.Localization;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Asks before signing out (or closing the app) with chats still running: they go back to their
 * departments' queues, each with a note for the next agent. Going back to the chats is the default.
 */
final class SignOutDialog {
    private SignOutDialog() {}

    /** True when the agent confirms; false to go back (and transfer first, say). */
    static boolean confirm(Window owner, long openChats, Localization i18n) {
        ButtonType leave =
                new ButtonType(i18n.text("signOut.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType back =
                new ButtonType(i18n.text("signOut.back"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.text("signOut.title"));
        dialog.setHeaderText(i18n.text("signOut.header", openChats));
        Label message = new Label(i18n.text("signOut.message", openChats));
        message.setWrapText(true);
        // a fixed width, so the window knows its height before it is placed over its owner
        message.setPrefWidth(460);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(message);
        dialog.getDialogPane().getButtonTypes().setAll(leave, back);
        dialog.getDialogPane().setId("sign-out-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        // the safe answer is the one Enter gives
        ((Button) dialog.getDialogPane().lookupButton(leave)).setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(back)).setDefaultButton(true);
        return dialog.showAndWait().filter(leave::equals).isPresent();
    }
}
