package id.oss.livechat.desktop.queue;

import id.oss.livechat.desktop.chat.Sessions;
import id.oss.livechat.desktop.i18n.Localization;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The waiting queue: who waits, for what, how long; take one, or (supervisors) assign it. */
public final class QueueView extends VBox {
    private final Timeline ticker;

    public QueueView(QueueViewModel viewModel, Localization i18n) {
        getStyleClass().add("side-section");
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.setId("queue-title");
        heading.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> i18n.text("queue.title", viewModel.items().size()),
                                viewModel.items()));
        Button takeNext = new Button(i18n.text("queue.takeNext"));
        takeNext.setId("take-next-button");
        takeNext.getStyleClass().addAll("primary", "small");
        takeNext.setTooltip(new Tooltip(i18n.text("queue.takeNext.tooltip")));
        takeNext.disableProperty()
                .bind(Bindings.isEmpty(viewModel.items()).or(viewModel.takingProperty()));
        takeNext.setOnAction(e -> viewModel.takeNext());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, heading, grow, takeNext);
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<QueueItem> list = new ListView<>(viewModel.items());
        list.setId("queue");
        list.getStyleClass().add("queue-list");
        list.setPlaceholder(new Label(i18n.text("queue.empty")));
        list.setCellFactory(view -> new QueueCell(viewModel, i18n));
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().addAll(header, list);

        // waiting times tick each second; the view-model computes them from its clock
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    public void dispose() {
        ticker.stop();
    }

    private static final class QueueCell extends ListCell<QueueItem> {
        private final QueueViewModel viewModel;
        private final Localization i18n;
        private final Label priority = new Label();
        private final Label topic = new Label();
        private final Label verified = new Label();
        private final Label leftMessage = new Label();
        private final Label who = new Label();
        private final Label waited = new Label();
        private final Button take = new Button();
        private final VBox box;

        QueueCell(QueueViewModel viewModel, Localization i18n) {
            this.viewModel = viewModel;
            this.i18n = i18n;
            priority.getStyleClass().add("priority-chip");
            topic.getStyleClass().add("item-title");
            topic.setWrapText(true);
            verified.setText("\u2714 " + i18n.text("queue.verified"));
            verified.getStyleClass().add("verified-badge");
            verified.setTooltip(new Tooltip(i18n.text("queue.verified.tooltip")));
            // a left message: an amber chip, as a high priority is
            leftMessage.setText(i18n.text("queue.leftMessage"));
            leftMessage.setId("left-message");
            leftMessage.getStyleClass().addAll("priority-chip", "priority-high");
            leftMessage.setTooltip(new Tooltip(i18n.text("queue.leftMessage.tooltip")));
            who.getStyleClass().add("muted");
            waited.getStyleClass().add("waiting-time");
            take.setText(i18n.text("queue.take"));
            take.getStyleClass().add("small");
            take.disableProperty().bind(viewModel.takingProperty());
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(6, priority, leftMessage, verified, grow, waited);
            top.setAlignment(Pos.CENTER_LEFT);
            Region grow2 = new Region();
            HBox.setHgrow(grow2, Priority.ALWAYS);
            HBox bottom = new HBox(6, who, grow2, take);
            if (viewModel.canAssignToOthers()) {
                // supervisors hand chats out; the same action is in the item's context menu
                Button assign = new Button(i18n.text("queue.assign.short"));
                assign.getStyleClass().add("small");
                assign.setTooltip(new Tooltip(i18n.text("queue.assign")));
                assign.disableProperty().bind(viewModel.takingProperty());
                // the name gives way, never the button's own word
                assign.setMinWidth(Region.USE_PREF_SIZE);
                assign.setOnAction(
                        e -> AssignDialog.show(getScene().getWindow(), viewModel, getItem(), i18n));
                bottom.getChildren().add(2, assign);
            }
            bottom.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, top, topic, bottom);
            setPrefWidth(0); // follow the list's width: long names shorten, no sideways scrolling
            who.setMinWidth(0);
            take.setMinWidth(Region.USE_PREF_SIZE);
            waited.setMinWidth(Region.USE_PREF_SIZE);
            setOnMouseClicked(
                    e -> {
                        if (e.getButton() == MouseButton.PRIMARY
                                && e.getClickCount() == 2
                                && getItem() != null) {
                            viewModel.take(getItem());
                        }
                    });
        }

        @Override
        protected void updateItem(QueueItem item, boolean empty) {
            super.updateItem(item, empty);
            waited.textProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            priority.setText(i18n.text("priority." + item.priority().wire()));
            priority.getStyleClass()
                    .removeIf(c -> c.startsWith("priority-") && !c.equals("priority-chip"));
            priority.getStyleClass().add("priority-" + item.priority().wire());
            String topicText = Sessions.topic(item.session(), i18n);
            topic.setText(topicText);
            leftMessage.setVisible(item.leftMessage());
            leftMessage.setManaged(item.leftMessage());
            verified.setVisible(item.verified());
            verified.setManaged(item.verified());
            String name =
                    item.contactName().isEmpty()
                            ? i18n.text("queue.anonymous")
                            : item.contactName();
            who.setText(item.department().isEmpty() ? name : name + "  ·  " + item.department());
            waited.textProperty().bind(item.waitingTimeProperty());
            take.setOnAction(e -> viewModel.take(item));
            setContextMenu(viewModel.canAssignToOthers() ? assignMenu(item) : null);
            setGraphic(box);
            setAccessibleText(
                    topicText
                            + ", "
                            + item.priority().wire().toUpperCase(Locale.ROOT)
                            + (item.leftMessage() ? ", " + i18n.text("queue.leftMessage") : ""));
        }

        private ContextMenu assignMenu(QueueItem item) {
            MenuItem assign = new MenuItem(i18n.text("queue.assign"));
            assign.setOnAction(
                    e -> AssignDialog.show(getScene().getWindow(), viewModel, item, i18n));
            return new ContextMenu(assign);
        }
    }
}
