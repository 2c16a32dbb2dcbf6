package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.AgentStatus;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The bar under the menu: who is signed in, their status (changeable), and the server. */
final class StatusBar extends HBox {
    // held here: the view-model only keeps a weak reference, so a rebuilt bar can be collected
    private final ChangeListener<AgentStatus> follow;

    private final TextField search = new TextField();

    StatusBar(
            MainViewModel viewModel,
            Localization i18n,
            Runnable onSignOut,
            Consumer<String> onSearch) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label brand = new Label("OSS LiveChat");
        brand.getStyleClass().add("brand");
        Label user =
                new Label(
                        viewModel.user().displayName()
                                + "  ·  "
                                + i18n.text("role." + viewModel.user().role().wire()));
        user.getStyleClass().add("user-name");

        ComboBox<AgentStatus> status = new ComboBox<>();
        status.setId("status-choice");
        status.getItems().setAll(AgentStatus.values());
        status.setButtonCell(new StatusCell(i18n));
        status.setCellFactory(list -> new StatusCell(i18n));
        status.setTooltip(new Tooltip(i18n.text("status.tooltip")));
        status.setValue(viewModel.status().statusProperty().get());
        // the box shows what the server confirmed; a choice is a request to change it
        follow = (obs, old, now) -> status.setValue(now);
        viewModel.status().statusProperty().addListener(new WeakChangeListener<>(follow));
        status.setOnAction(e -> viewModel.status().change(status.getValue()));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // past chats by a word of their messages, topic or contact: Enter opens the results
        search.setId("search-box");
        search.setPromptText(i18n.text("search.box.prompt"));
        search.setPrefColumnCount(18);
        search.setTooltip(new Tooltip(i18n.text("search.box.tooltip")));
        search.setOnAction(
                e -> {
                    onSearch.accept(search.getText());
                    search.clear();
                });
        Label server = new Label(viewModel.serverName());
        server.getStyleClass().add("muted");
        Button signOut = new Button(i18n.text("menu.signOut"));
        signOut.getStyleClass().add("small");
        signOut.setId("sign-out-button");
        signOut.setOnAction(e -> onSignOut.run());
        getChildren().addAll(brand, user, status, grow, search, server, signOut);
    }

    void focusSearch() {
        search.requestFocus();
    }

    private static final class StatusCell extends ListCell<AgentStatus> {
        private final Localization i18n;

        StatusCell(Localization i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(AgentStatus value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(i18n.text("status." + value.wire()));
            Circle dot = new Circle(5);
            dot.getStyleClass().addAll("status-dot", "status-" + value.wire());
            setGraphic(dot);
        }
    }
}
