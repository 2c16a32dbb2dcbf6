package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.i18n.Localization;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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
        Alert alert = new Alert(Alert.AlertType.WARNING, "", leave, back);
        alert.initOwner(owner);
        alert.setTitle(i18n.text("signOut.title"));
        alert.setHeaderText(i18n.text("signOut.header", openChats));
        alert.setContentText(i18n.text("signOut.message", openChats));
        alert.getDialogPane().setId("sign-out-dialog");
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        // the safe answer is the one Enter gives
        ((Button) alert.getDialogPane().lookupButton(leave)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(back)).setDefaultButton(true);
        return alert.showAndWait().filter(leave::equals).isPresent();
    }
}
