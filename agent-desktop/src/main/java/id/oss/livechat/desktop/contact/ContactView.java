package id.oss.livechat.desktop.contact;

import id.oss.livechat.desktop.chat.Sessions;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.staff.StaffSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The side panel: the visitor's contact, OSS identity, and earlier sessions with transcripts. */
public final class ContactView extends VBox {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.systemDefault());

    public ContactView(ContactViewModel viewModel, Localization i18n) {
        getStyleClass().addAll("side-section", "contact-panel");
        setId("contact-panel");

        Label heading = new Label(i18n.text("contact.title"));
        heading.getStyleClass().add("section-title");
        Label name = new Label();
        name.getStyleClass().add("contact-name");
        name.setId("contact-name");
        name.setWrapText(true);
        name.textProperty()
                .bind(
                        Bindings.when(viewModel.nameProperty().isEmpty())
                                .then(i18n.text("contact.noName"))
                                .otherwise(viewModel.nameProperty()));

        Label verified = new Label("\u2714 " + i18n.text("contact.verified"));
        verified.getStyleClass().add("verified-badge");
        verified.setTooltip(new Tooltip(i18n.text("queue.verified.tooltip")));
        verified.visibleProperty().bind(viewModel.verifiedProperty());
        verified.managedProperty().bind(verified.visibleProperty());

        GridPane details = new GridPane();
        details.getStyleClass().add("details");
        details.setHgap(10);
        details.setVgap(6);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        details.getColumnConstraints().add(keys);
        int row = 0;
        row = detail(details, row, "email", i18n.text("contact.email"), viewModel.emailProperty());
        row = detail(details, row, "phone", i18n.text("contact.phone"), viewModel.phoneProperty());
        row =
                detail(
                        details,
                        row,
                        "company",
                        i18n.text("contact.company"),
                        viewModel.companyProperty());
        row =
                detail(
                        details,
                        row,
                        "position",
                        i18n.text("contact.position"),
                        viewModel.positionProperty());
        detail(details, row, "oss", i18n.text("contact.oss"), viewModel.ossIdentityProperty());

        Label historyHeading = new Label(i18n.text("contact.history"));
        historyHeading.getStyleClass().add("section-title");
        Label historyStatus = new Label();
        historyStatus.getStyleClass().add("muted");
        historyStatus.textProperty().bind(viewModel.historyStatusProperty());
        historyStatus.visibleProperty().bind(viewModel.historyStatusProperty().isNotEmpty());
        historyStatus.managedProperty().bind(historyStatus.visibleProperty());

        ListView<StaffSession> history = new ListView<>(viewModel.history());
        history.setId("history");
        history.getStyleClass().add("history-list");
        history.setPrefHeight(160);
        history.setCellFactory(list -> new PastSessionCell(i18n));
        // no earlier chats: the sentence above says so, an empty box below it would not
        history.visibleProperty().bind(Bindings.isNotEmpty(viewModel.history()));
        history.managedProperty().bind(history.visibleProperty());
        history.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                viewModel.openPast(now);
                            }
                        });

        Label transcriptTitle = new Label();
        transcriptTitle.getStyleClass().add("section-title");
        transcriptTitle
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        viewModel.pastSessionProperty().get() == null
                                                ? ""
                                                : i18n.text(
                                                        "contact.transcript",
                                                        DATE.format(
                                                                startOf(
                                                                        viewModel
                                                                                .pastSessionProperty()
                                                                                .get()))),
                                viewModel.pastSessionProperty()));
        Button closeTranscript = new Button("\u2715");
        closeTranscript.getStyleClass().add("small");
        closeTranscript.setTooltip(new Tooltip(i18n.text("contact.transcript.close")));
        closeTranscript.setOnAction(
                e -> {
                    history.getSelectionModel().clearSelection();
                    viewModel.closePast();
                });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox transcriptHeader = new HBox(6, transcriptTitle, grow, closeTranscript);
        transcriptHeader.setAlignment(Pos.CENTER_LEFT);
        ListView<ChatMessage> transcript = new ListView<>(viewModel.pastMessages());
        transcript.setId("past-transcript");
        transcript.getStyleClass().add("history-list");
        transcript.setCellFactory(list -> new PastMessageCell(i18n));
        VBox.setVgrow(transcript, Priority.ALWAYS);
        VBox transcriptBox = new VBox(6, transcriptHeader, transcript);
        VBox.setVgrow(transcriptBox, Priority.ALWAYS);
        transcriptBox.visibleProperty().bind(viewModel.pastSessionProperty().isNotNull());
        transcriptBox.managedProperty().bind(transcriptBox.visibleProperty());

        VBox content =
                new VBox(
                        8,
                        name,
                        verified,
                        details,
                        new CaseCardView(viewModel.caseCard(), i18n),
                        historyHeading,
                        historyStatus,
                        history,
                        transcriptBox);
        VBox.setVgrow(content, Priority.ALWAYS);
        content.visibleProperty().bind(viewModel.sessionProperty().isNotNull());
        Label none = new Label(i18n.text("contact.none"));
        none.getStyleClass().add("muted");
        none.visibleProperty().bind(viewModel.sessionProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        content.managedProperty().bind(content.visibleProperty());
        getChildren().addAll(heading, none, content);
    }

    private static int detail(
            GridPane grid, int row, String id, String label, ObservableStringValue value) {
        Label key = new Label(label);
        key.getStyleClass().add("field-label");
        Label text = new Label();
        text.setId("contact-" + id);
        text.setWrapText(true);
        text.textProperty()
                .bind(
                        Bindings.when(
                                        Bindings.createBooleanBinding(
                                                () -> value.get() == null || value.get().isEmpty(),
                                                value))
                                .then("–")
                                .otherwise(value));
        grid.addRow(row, key, text);
        return row + 1;
    }

    private static java.time.Instant startOf(StaffSession session) {
        return session.startedAt() != null ? session.startedAt() : java.time.Instant.EPOCH;
    }

    private static final class PastSessionCell extends ListCell<StaffSession> {
        private final Localization i18n;
        private final Label topic = new Label();
        private final Label when = new Label();
        private final VBox box = new VBox(1, topic, when);

        PastSessionCell(Localization i18n) {
            this.i18n = i18n;
            topic.getStyleClass().add("item-title");
            when.getStyleClass().add("muted");
            setPrefWidth(0); // follow the list's width: no sideways scrolling
        }

        @Override
        protected void updateItem(StaffSession session, boolean empty) {
            super.updateItem(session, empty);
            if (empty || session == null) {
                setGraphic(null);
                return;
            }
            String status =
                    session.status() == null
                            ? ""
                            : "  ·  " + i18n.text("session." + session.status().wire());
            topic.setText(Sessions.topic(session, i18n));
            when.setText(DATE.format(startOf(session)) + status);
            setGraphic(box);
        }
    }

    private static final class PastMessageCell extends ListCell<ChatMessage> {
        private final Localization i18n;

        PastMessageCell(Localization i18n) {
            this.i18n = i18n;
            setWrapText(true);
        }

        @Override
        protected void updateItem(ChatMessage message, boolean empty) {
            super.updateItem(message, empty);
            if (empty || message == null) {
                setText(null);
                return;
            }
            String who =
                    message.sender() == null || message.sender().name() == null
                            ? ""
                            : message.sender().name() + ": ";
            // a staff-only note says so, here as in the chat
            String mark =
                    Boolean.TRUE.equals(message.internal())
                            ? "[" + i18n.text("chat.internal") + "] "
                            : "";
            setText(mark + who + message.text());
            setPrefWidth(0);
        }
    }
}
