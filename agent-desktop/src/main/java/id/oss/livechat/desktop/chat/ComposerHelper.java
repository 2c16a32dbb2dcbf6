package id.oss.livechat.desktop.chat;

import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyEvent;

/**
 * Something that helps the agent write, attached to the chat's composer: the canned replies' list
 * that opens on "/" ({@code tools.CannedReplyList}). It shows its own node over the foot of the
 * transcript and may take keys before the composer does.
 */
public interface ComposerHelper {

    /** Shown over the foot of the transcript, above the composer. */
    Node overlay();

    /** The composer it helps; called once, when the chat view is built. */
    void attach(TextArea composer);

    /** A key pressed in the composer: true when the helper used it and the composer must not. */
    boolean keyPressed(KeyEvent event);
}
