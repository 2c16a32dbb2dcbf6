package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.AttachmentInfo;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

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
    // a file's picture and row, when the message carries one; null where files are not handled
    private final AttachmentFiles files;
    private final ImageView thumbnail = new ImageView();
    private final VBox attachmentBox = new VBox(4);

    public MessageCell(Localization i18n, Consumer<URI> openLink) {
        this(i18n, openLink, null);
    }

    /**
     * @param files opens and saves the files messages carry, or null to show only their names
     */
    public MessageCell(Localization i18n, Consumer<URI> openLink, AttachmentFiles files) {
        this.i18n = i18n;
        this.openLink = openLink;
        this.files = files;
        thumbnail.getStyleClass().add("attachment-thumbnail");
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitWidth(240);
        thumbnail.setFitHeight(180);
        thumbnail.setCursor(Cursor.HAND);
        attachmentBox.getStyleClass().add("attachment");
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
        AttachmentInfo file = item.attachment();
        if (file == null) {
            text.getChildren().setAll(runs(item.text()));
            bubble.getChildren().setAll(sender, text, meta);
        } else {
            showAttachment(file);
            bubble.getChildren().setAll(sender, attachmentBox, meta);
        }
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

    /**
     * A picture as its thumbnail (a click shows it larger), then for every file a row: its name,
     * size, and "Buka" / "Simpan".
     */
    private void showAttachment(AttachmentInfo file) {
        Label name = new Label(file.name());
        name.getStyleClass().add("attachment-name");
        Label size = new Label(sizeText(file.size()));
        size.getStyleClass().add("attachment-size");
        // the type the server found in the bytes, as a badge (an emoji needs a font the desk may
        // lack)
        Label type = new Label(typeTag(file.contentType()));
        type.getStyleClass().add("attachment-type");
        type.setMinWidth(Region.USE_PREF_SIZE);
        HBox fileRow = new HBox(8, type, name, size);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.getStyleClass().add("attachment-row");
        attachmentBox.getChildren().setAll(fileRow);
        attachmentBox.setUserData(file.id());
        thumbnail.setImage(null);
        if (files == null) {
            return;
        }
        Button open = new Button(i18n.text("chat.attachment.open"));
        open.getStyleClass().addAll("attachment-open", "small");
        open.setOnAction(e -> files.open(file));
        Button save = new Button(i18n.text("chat.attachment.save"));
        save.getStyleClass().addAll("attachment-save", "small");
        save.setOnAction(e -> files.save(file));
        fileRow.getChildren().addAll(open, save);
        if (AttachmentFiles.isImage(file)) {
            Tooltip.install(thumbnail, new Tooltip(i18n.text("chat.attachment.larger")));
            thumbnail.setOnMouseClicked(e -> showLarger(file, thumbnail.getImage()));
            files.image(
                    file,
                    image -> {
                        // the cell may show another message by now
                        if (file.id().equals(attachmentBox.getUserData())) {
                            thumbnail.setImage(image);
                            if (!attachmentBox.getChildren().contains(thumbnail)) {
                                attachmentBox.getChildren().add(0, thumbnail);
                            }
                        }
                    });
        }
    }

    /** The picture in a window of its own, as large as the screen allows. */
    private void showLarger(AttachmentInfo file, Image image) {
        if (image == null) {
            return;
        }
        ImageView large = new ImageView(image);
        large.setPreserveRatio(true);
        large.setFitWidth(Math.min(image.getWidth(), 1000));
        large.setFitHeight(Math.min(image.getHeight(), 750));
        StackPane pane = new StackPane(large);
        pane.setId("attachment-viewer");
        pane.getStyleClass().add("attachment-viewer");
        Stage viewer = new Stage();
        viewer.initOwner(getScene() == null ? null : getScene().getWindow());
        viewer.setTitle(file.name());
        viewer.setScene(new Scene(pane));
        viewer.show();
    }

    private static String typeTag(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "PDF";
            case "image/png" -> "PNG";
            case "image/jpeg" -> "JPEG";
            case "image/webp" -> "WebP";
            default -> "?";
        };
    }

    private String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(i18n.locale(), "%.1f MB", bytes / (1024.0 * 1024.0));
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
