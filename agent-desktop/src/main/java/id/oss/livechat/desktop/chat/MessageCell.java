package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.SenderType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A message as a bubble: the visitor's on the left, staff on the right, the system's centred. */
final class MessageCell extends ListCell<MessageItem> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final Localization i18n;
    private final Label sender = new Label();
    private final Label text = new Label();
    private final Label meta = new Label();
    private final VBox bubble = new VBox(2, sender, text, meta);
    private final HBox row = new HBox(bubble);

    MessageCell(Localization i18n) {
        this.i18n = i18n;
        sender.getStyleClass().add("bubble-sender");
        text.getStyleClass().add("bubble-text");
        text.setWrapText(true);
        meta.getStyleClass().add("bubble-meta");
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(520);
        getStyleClass().add("message-cell");
        // agents copy application numbers and the like out of what visitors write
        MenuItem copy = new MenuItem(i18n.text("chat.copy"));
        copy.setOnAction(e -> copy(getItem()));
        setContextMenu(new ContextMenu(copy));
    }

    @Override
    protected void updateItem(MessageItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        bubble.getStyleClass().removeAll("bubble-staff", "bubble-visitor", "bubble-system");
        sender.setText(item.senderName());
        text.setText(item.text());
        String time = item.sentAt() == null ? "" : TIME.format(item.sentAt());
        if (item.senderType() == SenderType.SYSTEM) {
            bubble.getStyleClass().add("bubble-system");
            row.setAlignment(Pos.CENTER);
            meta.setText(time);
        } else if (item.fromStaff()) {
            bubble.getStyleClass().add("bubble-staff");
            row.setAlignment(Pos.CENTER_RIGHT);
            meta.setText(time + "  " + deliveryText(item));
        } else {
            bubble.getStyleClass().add("bubble-visitor");
            row.setAlignment(Pos.CENTER_LEFT);
            meta.setText(time);
        }
        sender.setVisible(item.senderType() != SenderType.SYSTEM);
        sender.setManaged(sender.isVisible());
        // the row spans the list (less padding and scroll bar) so the bubble can sit left or right
        row.prefWidthProperty().bind(getListView().widthProperty().subtract(52));
        setGraphic(row);
        setText(null);
    }

    static void copy(MessageItem item) {
        if (item != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(item.text());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private String deliveryText(MessageItem item) {
        return switch (item.delivery()) {
            case PENDING -> "\u2026 " + i18n.text("chat.delivery.pending");
            case SENT -> "\u2713 " + i18n.text("chat.delivery.sent", item.seq());
            case READ -> "\u2713\u2713 " + i18n.text("chat.delivery.read");
            case RECEIVED -> "";
        };
    }
}
