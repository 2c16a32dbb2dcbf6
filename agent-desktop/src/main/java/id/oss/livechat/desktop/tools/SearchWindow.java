package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.chat.MessageCell;
import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.search.SearchResult;
import id.oss.livechat.model.search.SnippetPart;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The search window: a query, the chats found with the matching words in bold, and the chosen
 * chat's transcript, read-only (no composer: a past or someone else's chat is read, not written
 * in). One window per main window; opening it again brings it to the front with the new query.
 */
public final class SearchWindow {
    private final SearchViewModel viewModel;
    private final Localization i18n;
    private final Stage stage = new Stage();
    private final TextField field = new TextField();

    public SearchWindow(
            Window owner, SearchViewModel viewModel, Localization i18n, Consumer<URI> openLink) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        stage.initOwner(owner);
        stage.setTitle(i18n.text("search.title"));

        field.setId("search-field");
        field.setPromptText(i18n.text("search.prompt"));
        field.textProperty().bindBidirectional(viewModel.queryProperty());
        field.setOnAction(e -> viewModel.search());
        HBox.setHgrow(field, Priority.ALWAYS);
        Button search = new Button(i18n.text("search.button"));
        search.setId("search-button");
        search.getStyleClass().add("primary");
        search.setOnAction(e -> viewModel.search());
        Label status = new Label();
        status.setId("search-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        HBox bar = new HBox(8, field, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, status);
        top.getStyleClass().add("search-bar");

        ListView<SearchResult> results = new ListView<>(viewModel.results());
        results.setId("search-results");
        results.getStyleClass().add("search-results");
        results.setCellFactory(list -> new ResultCell(i18n));
        results.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.open(now));
        VBox.setVgrow(results, Priority.ALWAYS);
        Button more = new Button(i18n.text("search.more"));
        more.setId("search-more");
        more.setMaxWidth(Double.MAX_VALUE);
        more.visibleProperty().bind(viewModel.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(viewModel.busyProperty());
        more.setOnAction(e -> viewModel.more());
        VBox left = new VBox(6, results, more);
        left.setMinWidth(320);

        Label title = new Label();
        title.setId("search-transcript-title");
        title.getStyleClass().add("section-title");
        title.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> titleOf(viewModel.openedProperty().get()),
                                viewModel.openedProperty()));
        Label readOnly = new Label(i18n.text("search.readOnly"));
        readOnly.getStyleClass().add("read-only-note");
        readOnly.visibleProperty().bind(viewModel.openedProperty().isNotNull());
        ListView<MessageItem> transcript = new ListView<>(viewModel.transcript());
        transcript.setId("search-transcript");
        transcript.getStyleClass().add("messages");
        transcript.setCellFactory(list -> new MessageCell(i18n, openLink));
        transcript.setPlaceholder(new Label(i18n.text("search.pick")));
        VBox.setVgrow(transcript, Priority.ALWAYS);
        VBox right = new VBox(6, new HBox(10, title, readOnly), transcript);
        right.getStyleClass().add("search-transcript-box");

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        BorderPane root = new BorderPane(split);
        root.setTop(top);
        root.getStyleClass().add("search-window");
        root.setOnKeyPressed(
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        stage.close();
                    }
                });
        Scene scene = new Scene(root, 1000, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** Shows the window (in front), searching for {@code query} when there is one. */
    public void show(String query) {
        if (query != null && !query.isBlank()) {
            viewModel.queryProperty().set(query.strip());
            viewModel.search();
        }
        stage.show();
        stage.toFront();
        field.requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    private String titleOf(SearchResult result) {
        if (result == null) {
            return "";
        }
        return nameOf(result, i18n) + "  ·  " + result.topic();
    }

    static String nameOf(SearchResult result, Localization i18n) {
        return result.contactName() == null || result.contactName().isBlank()
                ? i18n.text("contact.noName")
                : result.contactName();
    }

    /** A chat found: who, when, where, and the matching text with the words in bold. */
    private static final class ResultCell extends ListCell<SearchResult> {
        private static final DateTimeFormatter WHEN =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withZone(ZoneId.systemDefault());
        private final Localization i18n;

        ResultCell(Localization i18n) {
            this.i18n = i18n;
            getStyleClass().add("search-result");
        }

        @Override
        protected void updateItem(SearchResult result, boolean empty) {
            super.updateItem(result, empty);
            if (empty || result == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(nameOf(result, i18n));
            name.getStyleClass().add("result-name");
            Label when =
                    new Label(
                            result.startedAt() == null
                                    ? ""
                                    : WHEN.withLocale(i18n.locale()).format(result.startedAt()));
            when.getStyleClass().add("muted");
            HBox top = new HBox(8, name, when);
            top.setAlignment(Pos.CENTER_LEFT);
            String where =
                    result.topic()
                            + (result.department() == null
                                    ? ""
                                    : "  ·  " + result.department().name())
                            + (result.agent() == null ? "" : "  ·  " + result.agent().name());
            Label place = new Label(where);
            place.getStyleClass().add("muted");
            TextFlow snippet = snippet(result);
            snippet.getStyleClass().add("result-snippet");
            VBox box = new VBox(2, top, place, snippet);
            setGraphic(box);
            setPrefWidth(0);
        }

        private TextFlow snippet(SearchResult result) {
            TextFlow flow = new TextFlow();
            if (result.hit() == null) {
                return flow;
            }
            if (result.hit().internal()) {
                Text mark = new Text("[" + i18n.text("chat.internal") + "] ");
                mark.getStyleClass().add("snippet-internal");
                flow.getChildren().add(mark);
            }
            for (SnippetPart part : result.hit().snippet()) {
                // plain text nodes: whatever the text holds is shown, never interpreted
                Text text = new Text(part.text());
                text.getStyleClass().add(part.match() ? "snippet-match" : "snippet-text");
                flow.getChildren().add(text);
            }
            return flow;
        }
    }
}
