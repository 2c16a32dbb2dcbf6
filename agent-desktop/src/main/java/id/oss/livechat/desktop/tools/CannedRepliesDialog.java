package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.Language;
import id.oss.livechat.model.canned.CannedResponse;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The manager of canned replies: the list on the left, the chosen (or a new) reply on the right.
 * Agents keep their personal replies and read their departments' shared ones; supervisors and
 * admins also keep the shared ones of every department.
 */
public final class CannedRepliesDialog {
    private CannedRepliesDialog() {}

    public static void show(Window owner, CannedReplyEditorViewModel viewModel, Localization i18n) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.text("canned.title"));
        dialog.setHeaderText(i18n.text("canned.header"));
        dialog.setResizable(true);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane()
                .getButtonTypes()
                .setAll(
                        new ButtonType(
                                i18n.text("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        ListView<CannedResponse> list = new ListView<>(viewModel.replies());
        list.setId("canned-manager-list");
        list.setPrefWidth(300);
        list.setCellFactory(view -> new ReplyCell(i18n));
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.edit(now));

        ComboBox<CannedReplyEditorViewModel.Scope> scope = new ComboBox<>(viewModel.scopes());
        scope.setId("canned-scope");
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        scope.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(CannedReplyEditorViewModel.Scope value) {
                        return value == null ? "" : value.name();
                    }

                    @Override
                    public CannedReplyEditorViewModel.Scope fromString(String text) {
                        return null;
                    }
                });
        // the scope is chosen when a reply is made; it never changes afterwards
        scope.disableProperty().bind(viewModel.editingProperty().isNotNull());
        scope.setMaxWidth(Double.MAX_VALUE);
        TextField shortcut = new TextField();
        shortcut.setId("canned-shortcut");
        shortcut.setPromptText(i18n.text("canned.shortcut.prompt"));
        shortcut.textProperty().bindBidirectional(viewModel.shortcutProperty());
        ComboBox<Language> language = new ComboBox<>();
        language.setId("canned-language");
        language.getItems().setAll(Language.values());
        language.valueProperty().bindBidirectional(viewModel.languageProperty());
        language.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(Language value) {
                        return value == null ? "" : i18n.text("canned.language." + value.wire());
                    }

                    @Override
                    public Language fromString(String text) {
                        return null;
                    }
                });
        TextArea text = new TextArea();
        text.setId("canned-text");
        text.setWrapText(true);
        text.setPrefRowCount(7);
        text.textProperty().bindBidirectional(viewModel.textProperty());
        Label placeholders = new Label(i18n.text("canned.placeholders"));
        placeholders.getStyleClass().add("muted");
        placeholders.setWrapText(true);
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(viewModel.problem());
        Label status = new Label();
        status.setId("canned-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.text("canned.scope")), scope);
        form.addRow(1, new Label(i18n.text("canned.shortcut")), shortcut);
        form.addRow(2, new Label(i18n.text("canned.language")), language);
        form.add(new Label(i18n.text("canned.text")), 0, 3);
        form.add(text, 1, 3);
        GridPane.setHgrow(text, Priority.ALWAYS);
        GridPane.setHgrow(shortcut, Priority.ALWAYS);

        Button add = new Button(i18n.text("canned.new"));
        add.setId("canned-new");
        add.setOnAction(
                e -> {
                    list.getSelectionModel().clearSelection();
                    viewModel.startNew();
                    shortcut.requestFocus();
                });
        Button save = new Button(i18n.text("canned.save"));
        save.setId("canned-save");
        save.getStyleClass().add("primary");
        save.disableProperty().bind(viewModel.canSave().not());
        save.setOnAction(e -> viewModel.save());
        Button delete = new Button(i18n.text("canned.delete"));
        delete.setId("canned-delete");
        delete.disableProperty().bind(viewModel.canDelete().not());
        delete.setOnAction(e -> viewModel.delete());
        HBox buttons = new HBox(8, add, save, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox right = new VBox(10, form, placeholders, problem, buttons, status);
        right.setPrefWidth(460);
        HBox content = new HBox(14, list, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        viewModel.startNew();
        dialog.showAndWait();
    }

    /** "/nib · ID" over "Perizinan Berusaha" or "Pribadi". */
    private static final class ReplyCell extends ListCell<CannedResponse> {
        private final Localization i18n;

        ReplyCell(Localization i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(CannedResponse reply, boolean empty) {
            super.updateItem(reply, empty);
            if (empty || reply == null) {
                setText(null);
                return;
            }
            setText(
                    "/"
                            + reply.shortcut()
                            + "  ·  "
                            + reply.language().wire().toUpperCase(java.util.Locale.ROOT)
                            + "\n"
                            + (reply.personal()
                                    ? i18n.text("canned.scope.personal")
                                    : reply.departmentName()));
        }
    }
}
