package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * "My chats": one line per open chat, the visitor's name over the topic, its unread count and,
 * while unanswered, the time left before it goes back to the queue; selecting one shows it.
 */
public final class ActiveChatsView extends VBox {
    private final Timeline ticker;
    // held here: the view-model only keeps a weak reference (views are rebuilt on a language
    // change)
    private final ChangeListener<ChatViewModel> follow;

    public ActiveChatsView(ActiveChatsViewModel viewModel, Localization i18n) {
        getStyleClass().add("side-section");
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> i18n.text("chats.title", viewModel.chats().size()),
                                viewModel.chats()));

        ListView<ChatViewModel> list = new ListView<>(viewModel.chats());
        list.setId("active-chats");
        list.getStyleClass().add("chat-list");
        list.setPlaceholder(new Label(i18n.text("chats.empty")));
        list.setCellFactory(view -> new ChatCell(i18n));
        VBox.setVgrow(list, Priority.ALWAYS);

        // the view-model's selection leads; the list follows it and reports clicks back
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                viewModel.selectedProperty().set(now);
                            }
                        });
        follow = (obs, old, now) -> list.getSelectionModel().select(now);
        viewModel.selectedProperty().addListener(new WeakChangeListener<>(follow));
        list.getSelectionModel().select(viewModel.selected());

        getChildren().addAll(heading, list);

        // countdowns tick each second; the view-model computes them from its clock
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    public void dispose() {
        ticker.stop();
    }

    private static final class ChatCell extends ListCell<ChatViewModel> {
        private final Localization i18n;
        private final Label name = new Label();
        private final Label topic = new Label();
        private final Label badge = new Label();
        private final Label timeLeft = new Label();
        private final Label leftMessage = new Label();
        private final HBox row;

        ChatCell(Localization i18n) {
            this.i18n = i18n;
            name.getStyleClass().add("item-title");
            topic.getStyleClass().add("muted");
            badge.getStyleClass().add("unread-badge");
            timeLeft.getStyleClass().add("countdown-chip");
            timeLeft.setMinWidth(Region.USE_PREF_SIZE);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            VBox text = new VBox(1, name, topic);
            // a left message: the reply also goes by e-mail (as the queue marks it)
            leftMessage.setText(i18n.text("queue.leftMessage"));
            leftMessage.getStyleClass().addAll("priority-chip", "priority-high", "left-message");
            leftMessage.setMinWidth(Region.USE_PREF_SIZE);
            leftMessage.setTooltip(new Tooltip(i18n.text("queue.leftMessage.tooltip")));
            row = new HBox(6, text, grow, leftMessage, timeLeft, badge);
            setPrefWidth(0); // follow the list's width: long names shorten, no sideways scrolling
            text.setMinWidth(0);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ChatViewModel chat, boolean empty) {
            super.updateItem(chat, empty);
            name.textProperty().unbind();
            topic.textProperty().unbind();
            badge.textProperty().unbind();
            badge.visibleProperty().unbind();
            timeLeft.textProperty().unbind();
            timeLeft.visibleProperty().unbind();
            timeLeft.managedProperty().unbind();
            leftMessage.visibleProperty().unbind();
            leftMessage.managedProperty().unbind();
            if (empty || chat == null) {
                setGraphic(null);
                return;
            }
            name.textProperty()
                    .bind(
                            Bindings.createStringBinding(
                                    () -> Sessions.title(chat.session(), i18n),
                                    chat.sessionProperty()));
            topic.textProperty()
                    .bind(
                            Bindings.createStringBinding(
                                    () ->
                                            chat.closedProperty().get()
                                                    ? i18n.text("chats.closedMark")
                                                            + " "
                                                            + Sessions.topic(chat.session(), i18n)
                                                    : Sessions.topic(chat.session(), i18n),
                                    chat.sessionProperty(),
                                    chat.closedProperty()));
            badge.textProperty().bind(chat.unreadProperty().asString());
            badge.visibleProperty().bind(chat.unreadProperty().greaterThan(0));
            timeLeft.textProperty()
                    .bind(
                            Bindings.createStringBinding(
                                    () ->
                                            i18n.text(
                                                    "chats.countdown",
                                                    chat.timeLeftProperty().get()),
                                    chat.timeLeftProperty()));
            timeLeft.visibleProperty().bind(chat.timeLeftProperty().isNotEmpty());
            timeLeft.managedProperty().bind(timeLeft.visibleProperty());
            leftMessage.visibleProperty().bind(chat.leftMessage());
            leftMessage.managedProperty().bind(leftMessage.visibleProperty());
            setGraphic(row);
        }
    }
}
