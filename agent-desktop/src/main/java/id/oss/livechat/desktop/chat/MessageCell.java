package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.SenderType;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A message as a bubble: the visitor's on the left, staff on the right, the system's centred, a
 * staff-only note centred and marked as such. {@code http}/{@code https} links in the text open in
 * the system's browser; everything else is shown as the text it is.
 */
public final class MessageCell extends ListCell<MessageItem> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final Localization i18n;
    private final Consumer<URI> openLink;
    private final Label sender = new Label();
    private final TextFlow text = new TextFlow();
    private final Label meta = new Label();
    private final VBox bubble = new VBox(2, sender, text, meta);
    private final HBox row = new HBox(bubble);

    public MessageCell(Localization i18n, Consumer<URI> openLink) {
        this.i18n = i18n;
        this.openLink = openLink;
        sender.getStyleClass().add("bubble-sender");
        text.getStyleClass().add("bubble-text");
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
        bubble.getStyleClass()
                .removeAll("bubble-staff", "bubble-visitor", "bubble-system", "bubble-internal");
        sender.setText(item.senderName());
        text.getChildren().setAll(runs(item.text()));
        String time = item.sentAt() == null ? "" : TIME.format(item.sentAt());
        if (item.internal()) {
            bubble.getStyleClass().add("bubble-internal");
            row.setAlignment(Pos.CENTER);
            // a note an agent wrote names its author; a transfer note (system) says what it is
            boolean byStaff = item.senderType() == SenderType.AGENT && item.senderName() != null;
            sender.setText(
                    byStaff
                            ? i18n.text("chat.internal.by", item.senderName())
                            : i18n.text("chat.internal"));
            meta.setText(time);
        } else if (item.senderType() == SenderType.SYSTEM) {
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
        sender.setVisible(item.internal() || item.senderType() != SenderType.SYSTEM);
        sender.setManaged(sender.isVisible());
        // the row spans the list (less padding and scroll bar) so the bubble can sit left or right
        row.prefWidthProperty().bind(getListView().widthProperty().subtract(52));
        setGraphic(row);
        setText(null);
    }

    /** The text as runs of plain text and clickable links. */
    private Node[] runs(String message) {
        return LinkText.split(message).stream()
                .map(part -> part.isLink() ? link(part) : plain(part.text()))
                .toArray(Node[]::new);
    }

    private static Node plain(String run) {
        Text node = new Text(run);
        node.getStyleClass().add("bubble-text-run");
        return node;
    }

    private Node link(LinkText.Part part) {
        Hyperlink link = new Hyperlink(part.text());
        link.getStyleClass().add("bubble-link");
        link.setTooltip(new Tooltip(part.link().toString()));
        link.setOnAction(e -> openLink.accept(part.link()));
        return link;
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
            case SENT -> "\u2713 " + i18n.text("chat.delivery.sent");
            case READ -> "\u2713\u2713 " + i18n.text("chat.delivery.read");
            case RECEIVED -> "";
        };
    }
}
