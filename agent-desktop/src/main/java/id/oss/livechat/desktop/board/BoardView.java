package id.oss.livechat.desktop.board;

import id.oss.livechat.desktop.chat.MessageCell;
import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.staff.StaffSession;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The supervisor's live board: agents (status, chats of capacity), the oldest waiting chat per
 * department, and the chats in progress, each with "watch" (a read-only window that follows the
 * chat as it happens) and "reassign". Only binds to {@link BoardViewModel}.
 */
public final class BoardView extends HBox {
    private final BoardViewModel board;
    private final Localization i18n;
    // the times on the board count up each second while the board is on screen
    private final Timeline ticker;
    private final Consumer<URI> openLink;
    private final ListView<AgentLine> agents = new ListView<>();
    private final ListView<DepartmentWait> departments = new ListView<>();
    private final ListView<StaffSession> chats = new ListView<>();

    public BoardView(BoardViewModel board, Localization i18n, Consumer<URI> openLink) {
        this.board = board;
        this.i18n = i18n;
        this.openLink = openLink;
        setId("supervisor-board");
        getStyleClass().add("supervisor-board");
        setSpacing(12);

        agents.setId("board-agents");
        agents.setItems(board.agents());
        agents.setCellFactory(list -> new AgentCell());
        departments.setId("board-departments");
        departments.setItems(board.departments());
        departments.setCellFactory(list -> new DepartmentCell());
        departments.setPlaceholder(new Label(i18n.text("board.queue.empty")));
        chats.setId("board-chats");
        chats.setItems(board.chats());
        chats.setCellFactory(list -> new ChatCell());
        chats.setPlaceholder(new Label(i18n.text("board.chats.empty")));

        VBox left = column(i18n.text("board.agents"), agents);
        VBox middle = column(i18n.text("board.queue"), departments);
        VBox right = column(i18n.text("board.chats"), chats);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(middle, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, middle, right);

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> board.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty()
                .addListener(
                        (obs, old, scene) -> {
                            if (scene == null) {
                                ticker.stop();
                            } else {
                                ticker.play();
                            }
                        });
    }

    private static VBox column(String title, ListView<?> list) {
        Label heading = new Label(title);
        heading.getStyleClass().add("board-title");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox column = new VBox(6, heading, list);
        column.getStyleClass().addAll("card", "board-column");
        column.setPrefWidth(360);
        return column;
    }

    /** Opens a window that shows the chat read-only as it goes on. */
    private void watch(StaffSession chat) {
        ObservableList<MessageItem> items = board.watch(chat.sessionId());
        ListView<MessageItem> transcript = new ListView<>(items);
        transcript.setId("watch-transcript");
        transcript.getStyleClass().add("messages");
        transcript.setCellFactory(list -> new MessageCell(i18n, openLink));
        items.addListener(
                (javafx.collections.ListChangeListener<MessageItem>)
                        c -> transcript.scrollTo(items.size() - 1));
        Label note = new Label(i18n.text("board.watch.readOnly"));
        note.getStyleClass().add("muted");
        BorderPane pane = new BorderPane(transcript);
        pane.setTop(note);
        pane.getStyleClass().add("watch-window");
        Stage stage = new Stage();
        stage.initOwner(getScene() == null ? null : getScene().getWindow());
        stage.setTitle(i18n.text("board.watch.title", titleOf(chat)));
        Scene scene = new Scene(pane, 520, 560);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> board.unwatch(chat.sessionId()));
        stage.show();
    }

    private void reassign(StaffSession chat) {
        List<AgentLine> targets = board.reassignTargets(chat);
        if (targets.isEmpty()) {
            return;
        }
        ChoiceDialog<AgentLine> dialog = new ChoiceDialog<>(targets.get(0), targets);
        dialog.setTitle(i18n.text("board.reassign.title"));
        dialog.setHeaderText(i18n.text("board.reassign.header", titleOf(chat)));
        dialog.setContentText(i18n.text("board.reassign.to"));
        dialog.getDialogPane().setId("reassign-dialog");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.getItems().setAll(targets);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<AgentLine> box =
                (javafx.scene.control.ComboBox<AgentLine>)
                        dialog.getDialogPane().lookup(".combo-box");
        if (box != null) {
            box.setConverter(
                    new StringConverter<>() {
                        @Override
                        public String toString(AgentLine line) {
                            return line == null ? "" : agentText(line);
                        }

                        @Override
                        public AgentLine fromString(String text) {
                            return null;
                        }
                    });
        }
        dialog.showAndWait().ifPresent(to -> board.reassign(chat, to));
    }

    private String titleOf(StaffSession chat) {
        String who =
                chat.contact() != null && chat.contact().contactName() != null
                        ? chat.contact().contactName()
                        : i18n.text("board.visitor");
        return who + " · " + (chat.topic() == null ? "" : chat.topic());
    }

    private String agentText(AgentLine line) {
        return i18n.text(
                "board.agent.line",
                line.name(),
                i18n.text("status." + line.status().wire()),
                line.activeChats(),
                line.maxChats());
    }

    private final class AgentCell extends ListCell<AgentLine> {
        @Override
        protected void updateItem(AgentLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("agent-full", "agent-online");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(agentText(line));
            if (line.full()) {
                getStyleClass().add("agent-full");
            } else if (line.status() == id.oss.livechat.model.AgentStatus.ONLINE) {
                getStyleClass().add("agent-online");
            }
        }
    }

    /**
     * A cell whose text counts up with the board's time. It listens weakly: the list makes and
     * drops cells as it likes, and a dropped cell must not stay tied to the board.
     */
    private abstract static class TickingCell<T> extends ListCell<T> {
        private final ChangeListener<Instant> onTick = (obs, old, now) -> showItem();

        TickingCell(BoardViewModel board) {
            board.nowProperty().addListener(new WeakChangeListener<>(onTick));
        }

        @Override
        protected final void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            showItem();
        }

        private void showItem() {
            T item = getItem();
            if (isEmpty() || item == null) {
                clear();
            } else {
                show(item);
            }
        }

        abstract void clear();

        abstract void show(T item);
    }

    private final class DepartmentCell extends TickingCell<DepartmentWait> {
        DepartmentCell() {
            super(board);
        }

        @Override
        void clear() {
            setText(null);
        }

        @Override
        void show(DepartmentWait line) {
            setText(
                    i18n.text(
                            "board.queue.line",
                            line.department(),
                            line.waiting(),
                            board.waited(line.oldestSince()),
                            line.oldestTopic() == null ? "" : line.oldestTopic()));
        }
    }

    private final class ChatCell extends TickingCell<StaffSession> {
        private final Label text = new Label();
        private final Button watch = new Button(i18n.text("board.watch"));
        private final Button reassign = new Button(i18n.text("board.reassign"));
        private final HBox row;

        ChatCell() {
            super(board);
            text.setMaxWidth(Double.MAX_VALUE);
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            watch.getStyleClass().add("board-watch");
            reassign.getStyleClass().add("board-reassign");
            watch.setMinWidth(Region.USE_PREF_SIZE);
            reassign.setMinWidth(Region.USE_PREF_SIZE);
            row = new HBox(6, text, watch, reassign);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        void clear() {
            setText(null);
            setGraphic(null);
        }

        @Override
        void show(StaffSession chat) {
            setText(null);
            text.setText(
                    i18n.text(
                            "board.chat.line",
                            titleOf(chat),
                            chat.agent() == null ? "" : chat.agent().name(),
                            board.waited(chat.assignedAt())));
            watch.setOnAction(e -> watch(chat));
            reassign.setOnAction(e -> reassign(chat));
            setGraphic(row);
        }
    }
}
