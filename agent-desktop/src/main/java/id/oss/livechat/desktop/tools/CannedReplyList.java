package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.chat.ActiveChatsViewModel;
import id.oss.livechat.desktop.chat.ChatViewModel;
import id.oss.livechat.desktop.chat.ComposerHelper;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.canned.CannedResponse;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The canned replies' list over the composer: it opens when the draft starts with "/", narrows as
 * the agent types, and puts the chosen reply, filled in for this chat, into the composer (Enter,
 * Tab or a click), where the agent edits it before sending. Esc closes it.
 */
public final class CannedReplyList implements ComposerHelper {
    private static final double ROW_HEIGHT = 48;

    private final ReplySuggestions suggestions;
    private final ReplyFilling filling;
    private final ActiveChatsViewModel chats;
    private final String agentName;
    private final ListView<CannedResponse> list;
    private final VBox box;
    private TextArea composer;

    public CannedReplyList(
            CannedReplies replies,
            ReplyFilling filling,
            ActiveChatsViewModel chats,
            String agentName,
            Localization i18n) {
        this.suggestions = new ReplySuggestions(replies.all());
        this.filling = filling;
        this.chats = chats;
        this.agentName = agentName;
        list = new ListView<>(suggestions.shown());
        list.setId("canned-list");
        list.getStyleClass().add("canned-list");
        list.setFocusTraversable(false);
        list.setCellFactory(view -> new ReplyCell(i18n));
        list.setFixedCellSize(ROW_HEIGHT);
        list.prefHeightProperty()
                .bind(Bindings.size(suggestions.shown()).multiply(ROW_HEIGHT).add(4));
        list.setMaxHeight(Region.USE_PREF_SIZE);
        list.setOnMouseClicked(
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        suggestions.choose(list.getSelectionModel().getSelectedIndex());
                        insert();
                    }
                });
        suggestions
                .chosenProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now.intValue() < 0) {
                                list.getSelectionModel().clearSelection();
                            } else {
                                list.getSelectionModel().select(now.intValue());
                                list.scrollTo(now.intValue());
                            }
                        });
        Label hint = new Label(i18n.text("canned.list.hint"));
        hint.getStyleClass().add("canned-hint");
        box = new VBox(list, hint);
        box.setId("canned-popup");
        box.getStyleClass().add("canned-popup");
        box.setMaxWidth(560);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.visibleProperty().bind(suggestions.openProperty());
        box.managedProperty().bind(box.visibleProperty());
    }

    /** The suggestions' state, for tests and the view. */
    public ReplySuggestions suggestions() {
        return suggestions;
    }

    @Override
    public Node overlay() {
        return box;
    }

    @Override
    public void attach(TextArea composer) {
        this.composer = composer;
        composer.textProperty().addListener((obs, old, now) -> suggestions.draftChanged(now));
        composer.focusedProperty()
                .addListener(
                        (obs, was, focused) -> {
                            if (!focused && !list.isHover()) {
                                suggestions.dismiss();
                            }
                        });
    }

    @Override
    public boolean keyPressed(KeyEvent event) {
        if (!suggestions.isOpen()) {
            return false;
        }
        switch (event.getCode()) {
            case DOWN -> suggestions.next();
            case UP -> suggestions.previous();
            case ESCAPE -> suggestions.dismiss();
            case ENTER, TAB -> insert();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The chosen reply, filled in, becomes the draft; the caret goes to its end. */
    private void insert() {
        ChatViewModel chat = chats.selected();
        suggestions
                .take()
                .ifPresent(
                        reply -> {
                            String text =
                                    filling.fill(
                                            reply, chat == null ? null : chat.session(), agentName);
                            composer.setText(text);
                            composer.positionCaret(text.length());
                            composer.requestFocus();
                        });
    }

    /** "/nib ID Perizinan" over the reply's first line. */
    private static final class ReplyCell extends ListCell<CannedResponse> {
        private final Localization i18n;
        private final Label shortcut = new Label();
        private final Label language = new Label();
        private final Label scope = new Label();
        private final Label text = new Label();
        private final VBox content;

        ReplyCell(Localization i18n) {
            this.i18n = i18n;
            shortcut.getStyleClass().add("canned-shortcut");
            language.getStyleClass().add("canned-language");
            scope.getStyleClass().add("muted");
            text.getStyleClass().add("canned-text");
            text.setMaxWidth(Double.MAX_VALUE);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(8, shortcut, language, grow, scope);
            top.setAlignment(Pos.CENTER_LEFT);
            content = new VBox(1, top, text);
        }

        @Override
        protected void updateItem(CannedResponse reply, boolean empty) {
            super.updateItem(reply, empty);
            if (empty || reply == null) {
                setGraphic(null);
                return;
            }
            shortcut.setText("/" + reply.shortcut());
            language.setText(reply.language().wire().toUpperCase(java.util.Locale.ROOT));
            scope.setText(
                    reply.personal()
                            ? i18n.text("canned.scope.personal")
                            : reply.departmentName() == null ? "" : reply.departmentName());
            text.setText(reply.text().replace('\n', ' '));
            setGraphic(content);
            setPrefWidth(0);
        }
    }
}
