package id.oss.livechat.desktop.privacy;

import id.oss.livechat.desktop.i18n.Localization;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The admins' erasure screen: the visitor's key, the erase button, the confirmation panel (what
 * goes, and that it cannot be undone), the server's refusal or its counts.
 */
public final class EraseView extends ScrollPane {

    public EraseView(EraseViewModel viewModel, Localization i18n) {
        setId("erase-pane");
        setFitToWidth(true);

        Label title = new Label(i18n.text("erase.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(i18n.text("erase.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        ComboBox<SubjectKind> kind = new ComboBox<>();
        kind.setId("erase-kind");
        kind.getItems().addAll(SubjectKind.values());
        kind.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(SubjectKind k) {
                        return k == null ? "" : i18n.text(k.textKey());
                    }

                    @Override
                    public SubjectKind fromString(String text) {
                        return null;
                    }
                });
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        TextField value = new TextField();
        value.setId("erase-value");
        value.setPrefColumnCount(28);
        value.promptTextProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        viewModel.kindProperty().get() == null
                                                ? ""
                                                : i18n.text(
                                                        viewModel.kindProperty().get().textKey()
                                                                + ".prompt"),
                                viewModel.kindProperty()));
        value.textProperty().bindBidirectional(viewModel.valueProperty());
        value.setOnAction(e -> viewModel.ask());
        Button ask = new Button(i18n.text("erase.ask"));
        ask.setId("erase-ask");
        ask.getStyleClass().add("danger");
        ask.disableProperty()
                .bind(
                        viewModel
                                .canAsk()
                                .not()
                                .or(
                                        viewModel
                                                .stepProperty()
                                                .isEqualTo(EraseViewModel.Step.CONFIRMING)));
        ask.setOnAction(e -> viewModel.ask());
        HBox key = new HBox(8, kind, value, ask);
        key.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("erase-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        showWhen(problem, viewModel.problemProperty().isNotEmpty());

        VBox content =
                new VBox(
                        12,
                        title,
                        hint,
                        key,
                        problem,
                        confirmation(viewModel, i18n),
                        result(viewModel, i18n));
        content.getStyleClass().add("erase-content");
        setContent(content);
    }

    private static VBox confirmation(EraseViewModel viewModel, Localization i18n) {
        Label text = new Label();
        text.setId("erase-confirmation");
        text.setWrapText(true);
        text.textProperty().bind(viewModel.confirmationProperty());
        Button yes = new Button(i18n.text("erase.confirm.yes"));
        yes.setId("erase-confirm");
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> viewModel.confirm());
        Button no = new Button(i18n.text("erase.confirm.no"));
        no.setId("erase-cancel");
        no.setCancelButton(true);
        no.setOnAction(e -> viewModel.cancel());
        HBox buttons = new HBox(8, yes, no);
        VBox panel = new VBox(10, text, buttons);
        panel.getStyleClass().add("erase-warning");
        showWhen(panel, viewModel.stepProperty().isEqualTo(EraseViewModel.Step.CONFIRMING));
        return panel;
    }

    private static VBox result(EraseViewModel viewModel, Localization i18n) {
        Label title = new Label();
        title.setId("erase-result-title");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(viewModel.resultTitleProperty());
        GridPane counts = new GridPane();
        counts.setHgap(16);
        counts.setVgap(4);
        count(
                counts,
                0,
                i18n.text("erase.count.visitors"),
                "visitors",
                viewModel,
                ErasureCounts::visitors);
        count(
                counts,
                1,
                i18n.text("erase.count.sessions"),
                "sessions",
                viewModel,
                ErasureCounts::sessions);
        count(
                counts,
                2,
                i18n.text("erase.count.messages"),
                "messages",
                viewModel,
                ErasureCounts::messages);
        count(
                counts,
                3,
                i18n.text("erase.count.contacts"),
                "contacts",
                viewModel,
                ErasureCounts::contacts);
        count(counts, 4, i18n.text("erase.count.mails"), "mails", viewModel, ErasureCounts::mails);
        count(
                counts,
                5,
                i18n.text("erase.count.busEvents"),
                "bus-events",
                viewModel,
                ErasureCounts::busEvents);
        VBox panel = new VBox(8, title, counts);
        panel.setId("erase-result");
        panel.getStyleClass().add("erase-result");
        showWhen(panel, viewModel.stepProperty().isEqualTo(EraseViewModel.Step.DONE));
        return panel;
    }

    private static void count(
            GridPane grid,
            int row,
            String caption,
            String id,
            EraseViewModel viewModel,
            ToLongFunction<ErasureCounts> part) {
        Label name = new Label(caption);
        name.getStyleClass().add("field-label");
        Label number = new Label();
        number.setId("erase-count-" + id);
        StringBinding text =
                Bindings.createStringBinding(
                        () ->
                                viewModel.resultProperty().get() == null
                                        ? ""
                                        : Long.toString(
                                                part.applyAsLong(viewModel.resultProperty().get())),
                        viewModel.resultProperty());
        number.textProperty().bind(text);
        grid.addRow(row, name, number);
    }

    private static void showWhen(
            javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
