package id.oss.livechat.desktop.contact;

import id.oss.livechat.desktop.i18n.Localization;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The "Kasus" card in the contact pane; shown only for a chat that carries a case. */
public final class CaseCardView extends VBox {

    public CaseCardView(CaseCardViewModel viewModel, Localization i18n) {
        setId("case-card");
        getStyleClass().add("case-card");
        setSpacing(6);

        Label title = new Label(i18n.text("case.title"));
        title.getStyleClass().add("section-title");
        Label trust = new Label();
        trust.setId("case-trust");
        trust.textProperty().bind(viewModel.trustProperty());
        trust.getStyleClass().add("case-trust");
        viewModel.verifiedProperty().addListener((obs, was, now) -> mark(this, trust, now));
        mark(this, trust, viewModel.verifiedProperty().get());
        trust.setTooltip(new Tooltip(i18n.text("case.trust.tooltip")));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, trust);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane details = new GridPane();
        details.getStyleClass().add("details");
        details.setHgap(10);
        details.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        details.getColumnConstraints().add(keys);
        int row = 0;
        row = line(details, row, "nib", i18n.text("case.nib"), viewModel.nibProperty());
        row =
                line(
                        details,
                        row,
                        "application",
                        i18n.text("case.application"),
                        viewModel.applicationProperty());
        row = line(details, row, "kbli", i18n.text("case.kbli"), viewModel.kbliProperty());
        row =
                line(
                        details,
                        row,
                        "licence-type",
                        i18n.text("case.licenceType"),
                        viewModel.licenceTypeProperty());
        line(details, row, "province", i18n.text("case.province"), viewModel.provinceProperty());

        getChildren().addAll(header, details);
        visibleProperty().bind(viewModel.presentProperty());
        managedProperty().bind(visibleProperty());
    }

    /**
     * Verified reads green; unverified amber, card and all, so that nobody takes it at its word.
     */
    private static void mark(VBox card, Label trust, boolean verified) {
        trust.getStyleClass().removeAll("case-verified", "case-unverified");
        trust.getStyleClass().add(verified ? "case-verified" : "case-unverified");
        card.getStyleClass().remove("case-card-unverified");
        if (!verified) {
            card.getStyleClass().add("case-card-unverified");
        }
    }

    private static int line(
            GridPane grid, int row, String id, String label, ObservableStringValue value) {
        Label key = new Label(label);
        key.getStyleClass().add("field-label");
        Label text = new Label();
        text.setId("case-" + id);
        text.setWrapText(true);
        text.textProperty().bind(Bindings.when(Bindings.isEmpty(value)).then("–").otherwise(value));
        grid.addRow(row, key, text);
        return row + 1;
    }
}
