package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.UiThread;
import id.oss.livechat.model.staff.StaffSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected chat: header with close and transfer, the transcript, the visitor's typing, and the
 * composer (Enter sends, Shift+Enter starts a new line), which writes a reply or, toggled, a
 * staff-only note in the notes' amber.
 */
public final class ChatView extends BorderPane {
    private final ActiveChatsViewModel chats;
    private final Localization i18n;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label closedNote = new Label();
    private final Label countdown = new Label();
    private final Label leftMessage = new Label();
    private final ListView<MessageItem> messages = new ListView<>();
    private final Label typing = new Label();
    private final TextArea composer = new TextArea();
    private final Label problem = new Label();
    private final Button send = new Button();
    private final ToggleButton noteToggle = new ToggleButton();
    private final Label noteHint = new Label();
    private final VBox composerBox = new VBox(4);
    private final Button attach = new Button();
    private final HBox uploadRow = new HBox(8);
    private final Label uploadText = new Label();
    private final ProgressIndicator uploadProgress = new ProgressIndicator();
    private final Button uploadDismiss = new Button();
    // the refusal's colours follow the chat on screen only (removed when another is shown)
    private final ChangeListener<Boolean> markRefused = (obs, was, refused) -> markRefused(refused);
    private final VBox placeholder;
    private final BorderPane chatPane = new BorderPane();
    private ChatViewModel shown;
    private final ComposerHelper helper;
    // held here: the view-model only keeps a weak reference (views are rebuilt on a language
    // change)
    private final ChangeListener<ChatViewModel> follow = (obs, old, now) -> show(now);
    private final ListChangeListener<MessageItem> scrollToEnd = change -> scrollToNewest();
    private final javafx.collections.WeakListChangeListener<MessageItem> weakScrollToEnd =
            new javafx.collections.WeakListChangeListener<>(scrollToEnd);

    /**
     * @param openLink opens a link from a message in the system's browser
     */
    public ChatView(
            ActiveChatsViewModel chats,
            Localization i18n,
            Runnable onClose,
            Runnable onTransfer,
            Consumer<URI> openLink) {
        this(chats, i18n, onClose, onTransfer, openLink, null, null);
    }

    /**
     * @param helper helps the composer (the canned replies' list), or null
     * @param headerExtra shown in the header before the buttons (the chat's tags), or null
     */
    public ChatView(
            ActiveChatsViewModel chats,
            Localization i18n,
            Runnable onClose,
            Runnable onTransfer,
            Consumer<URI> openLink,
            ComposerHelper helper,
            Node headerExtra) {
        this(chats, i18n, onClose, onTransfer, openLink, helper, headerExtra, null);
    }

    /** What the chat does with files: choose and send one, and open, save or show received ones. */
    public record FileHandling(
            FileSending sending, AttachmentFiles files, Supplier<Optional<Path>> chooseFile) {}

    /**
     * @param fileHandling the attach button and the files' buttons, or null for a chat without
     */
    public ChatView(
            ActiveChatsViewModel chats,
            Localization i18n,
            Runnable onClose,
            Runnable onTransfer,
            Consumer<URI> openLink,
            ComposerHelper helper,
            Node headerExtra,
            FileHandling fileHandling) {
        this.chats = chats;
        this.i18n = i18n;
        getStyleClass().add("chat-view");

        title.getStyleClass().add("chat-title");
        title.setId("chat-title");
        subtitle.getStyleClass().add("muted");
        Button close = new Button(i18n.text("chat.close"));
        close.setId("close-chat-button");
        close.setTooltip(new Tooltip(i18n.text("chat.close.tooltip")));
        close.setOnAction(e -> onClose.run());
        Button transfer = new Button(i18n.text("chat.transfer"));
        transfer.setId("transfer-chat-button");
        transfer.setTooltip(new Tooltip(i18n.text("chat.transfer.tooltip")));
        transfer.setOnAction(e -> onTransfer.run());
        close.setMinWidth(Region.USE_PREF_SIZE);
        transfer.setMinWidth(Region.USE_PREF_SIZE);
        // the title gives way to the buttons when the pane is narrow, never the other way round
        VBox heading = new VBox(2, title, subtitle);
        heading.setMinWidth(0);
        HBox.setHgrow(heading, Priority.ALWAYS);
        // the chat goes back to the queue unless the agent writes in time: say so, and how long
        countdown.setId("answer-countdown");
        countdown.getStyleClass().add("countdown");
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        countdown.setTooltip(new Tooltip(i18n.text("chat.countdown.tooltip")));
        // a left message: the reply also goes by e-mail (as the queue marks it)
        leftMessage.setId("chat-left-message");
        leftMessage.setText(i18n.text("queue.leftMessage"));
        leftMessage.getStyleClass().addAll("priority-chip", "priority-high");
        leftMessage.setMinWidth(Region.USE_PREF_SIZE);
        leftMessage.setTooltip(new Tooltip(i18n.text("queue.leftMessage.tooltip")));
        HBox header = new HBox(10, heading, leftMessage, countdown, transfer, close);
        if (headerExtra != null) {
            header.getChildren().add(1, headerExtra);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("chat-header");

        closedNote.getStyleClass().add("closed-note");
        closedNote.setMaxWidth(Double.MAX_VALUE);
        closedNote.setManaged(false);
        closedNote.setVisible(false);

        messages.setId("messages");
        messages.getStyleClass().add("messages");
        AttachmentFiles files = fileHandling == null ? null : fileHandling.files();
        messages.setCellFactory(list -> new MessageCell(i18n, openLink, files));
        messages.setOnKeyPressed(
                e -> {
                    if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                        MessageCell.copy(messages.getSelectionModel().getSelectedItem());
                    }
                });

        typing.setId("visitor-typing");
        typing.getStyleClass().add("typing");
        typing.setText(i18n.text("chat.typing"));

        composer.setId("composer");
        composer.setPromptText(i18n.text("chat.composer.prompt"));
        composer.setWrapText(true);
        composer.setPrefRowCount(3);
        this.helper = helper;
        composer.addEventFilter(KeyEvent.KEY_PRESSED, this::onComposerKey);
        problem.setId("composer-problem");
        problem.getStyleClass().add("error-text");
        send.setText(i18n.text("chat.send"));
        send.setId("send-button");
        send.getStyleClass().add("primary");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setTooltip(new Tooltip(i18n.text("chat.send.tooltip")));
        send.setOnAction(e -> chats.sendDraft());
        noteToggle.setText(i18n.text("chat.note.toggle"));
        noteToggle.setId("note-toggle");
        noteToggle.getStyleClass().add("note-toggle");
        noteToggle.setMinWidth(Region.USE_PREF_SIZE);
        noteToggle.setTooltip(new Tooltip(i18n.text("chat.note.toggle.tooltip")));
        noteHint.setText(i18n.text("chat.note.hint"));
        noteHint.setId("note-hint");
        noteHint.getStyleClass().add("note-hint");
        noteHint.visibleProperty().bind(noteToggle.selectedProperty());
        noteHint.managedProperty().bind(noteHint.visibleProperty());
        noteToggle.selectedProperty().addListener((obs, was, note) -> showNoteMode(note));
        attach.setText(i18n.text("chat.attach"));
        attach.setId("attach-button");
        attach.setMinWidth(Region.USE_PREF_SIZE);
        attach.setMaxWidth(Double.MAX_VALUE);
        attach.setTooltip(new Tooltip(i18n.text("chat.attach.tooltip")));
        attach.setVisible(fileHandling != null);
        attach.setManaged(fileHandling != null);
        if (fileHandling != null) {
            attach.setOnAction(
                    e ->
                            fileHandling
                                    .chooseFile()
                                    .get()
                                    .ifPresent(
                                            file ->
                                                    fileHandling
                                                            .sending()
                                                            .send(chats.selected(), file)));
        }
        uploadText.setId("upload-status");
        uploadText.setWrapText(true);
        uploadProgress.setPrefSize(16, 16);
        uploadDismiss.setText(i18n.text("chat.attach.dismiss"));
        uploadDismiss.setId("upload-dismiss");
        uploadDismiss.getStyleClass().add("small");
        uploadDismiss.setMinWidth(Region.USE_PREF_SIZE);
        uploadText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(uploadText, Priority.ALWAYS);
        uploadRow.getChildren().setAll(uploadProgress, uploadText, uploadDismiss);
        uploadRow.setAlignment(Pos.CENTER_LEFT);
        uploadRow.getStyleClass().add("upload-row");
        VBox buttons = new VBox(6, noteToggle, attach, send);
        buttons.setAlignment(Pos.BOTTOM_RIGHT);
        send.setMaxWidth(Double.MAX_VALUE);
        HBox composerRow = new HBox(8, composer, buttons);
        HBox.setHgrow(composer, Priority.ALWAYS);
        composerRow.setAlignment(Pos.BOTTOM_RIGHT);
        VBox bottom = composerBox;
        bottom.getChildren().setAll(typing, uploadRow, noteHint, composerRow, problem);
        bottom.getStyleClass().add("composer-box");

        chatPane.setTop(new VBox(header, closedNote));
        if (helper == null) {
            chatPane.setCenter(messages);
        } else {
            // the helper's list lies over the transcript's foot, just above the composer
            helper.attach(composer);
            Node overlay = helper.overlay();
            StackPane.setAlignment(overlay, Pos.BOTTOM_LEFT);
            StackPane.setMargin(overlay, new Insets(0, 12, 6, 12));
            chatPane.setCenter(new StackPane(messages, overlay));
        }
        chatPane.setBottom(bottom);

        Label empty = new Label(i18n.text("chat.none"));
        empty.getStyleClass().add("placeholder-title");
        Label hint = new Label(i18n.text("chat.none.hint"));
        hint.getStyleClass().add("muted");
        placeholder = new VBox(6, empty, hint);
        placeholder.setAlignment(Pos.CENTER);

        chats.selectedProperty().addListener(new WeakChangeListener<>(follow));
        show(chats.selected());
    }

    /** Puts the caret in the composer (Ctrl+L). */
    public void focusComposer() {
        if (shown != null) {
            composer.requestFocus();
        }
    }

    private void onComposerKey(KeyEvent event) {
        if (helper != null && helper.keyPressed(event)) {
            event.consume();
            return;
        }
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        event.consume();
        if (event.isShiftDown()) {
            composer.replaceSelection("\n");
        } else {
            chats.sendDraft();
        }
    }

    private void show(ChatViewModel chat) {
        if (shown != null) {
            composer.textProperty().unbindBidirectional(shown.draftProperty());
            noteToggle.selectedProperty().unbindBidirectional(shown.noteModeProperty());
            shown.messages().removeListener(weakScrollToEnd);
            shown.uploadRefusedProperty().removeListener(markRefused);
        }
        shown = chat;
        if (chat == null) {
            setCenter(placeholder);
            messages.setItems(null);
            return;
        }
        setCenter(chatPane);
        composer.textProperty().bindBidirectional(chat.draftProperty());
        noteToggle.setSelected(chat.noteModeProperty().get());
        noteToggle.selectedProperty().bindBidirectional(chat.noteModeProperty());
        noteToggle.disableProperty().bind(chat.closedProperty());
        messages.setItems(chat.messages());
        chat.messages().addListener(weakScrollToEnd);
        scrollToNewest();
        title.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> Sessions.title(chat.session(), i18n),
                                chat.sessionProperty()));
        countdown
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        chat.timeLeftProperty().get().isEmpty()
                                                ? ""
                                                : i18n.text(
                                                        "chat.countdown",
                                                        chat.timeLeftProperty().get()),
                                chat.timeLeftProperty()));
        countdown.visibleProperty().bind(chat.timeLeftProperty().isNotEmpty());
        countdown.managedProperty().bind(countdown.visibleProperty());
        leftMessage.visibleProperty().bind(chat.leftMessage());
        leftMessage.managedProperty().bind(leftMessage.visibleProperty());
        subtitle.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> subtitleOf(chat.session()), chat.sessionProperty()));
        typing.visibleProperty().bind(chat.visitorTypingProperty());
        problem.textProperty().bind(chat.draftProblem());
        problem.visibleProperty().bind(chat.draftProblem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        send.disableProperty().bind(chat.canSend().not());
        attach.disableProperty().bind(chat.closedProperty().or(chat.uploadingProperty()));
        uploadText.textProperty().bind(chat.uploadProperty());
        uploadRow.visibleProperty().bind(chat.uploadProperty().isNotEmpty());
        uploadRow.managedProperty().bind(uploadRow.visibleProperty());
        uploadProgress.visibleProperty().bind(chat.uploadingProperty());
        uploadProgress.managedProperty().bind(chat.uploadingProperty());
        uploadDismiss.visibleProperty().bind(chat.uploadRefusedProperty());
        uploadDismiss.managedProperty().bind(chat.uploadRefusedProperty());
        uploadDismiss.setOnAction(e -> chat.dismissUpload());
        chat.uploadRefusedProperty().addListener(markRefused);
        markRefused(chat.uploadRefusedProperty().get());
        composer.disableProperty().bind(chat.closedProperty());
        closedNote.visibleProperty().bind(chat.closedProperty());
        closedNote.managedProperty().bind(chat.closedProperty());
        closedNote
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> closedText(chat.session()), chat.sessionProperty()));
    }

    private void markRefused(boolean refused) {
        uploadRow.getStyleClass().remove("upload-refused");
        if (refused) {
            uploadRow.getStyleClass().add("upload-refused");
        }
    }

    /** The composer as a note (amber, its own prompt and button) or as a reply. */
    private void showNoteMode(boolean note) {
        if (note) {
            if (!composerBox.getStyleClass().contains("note-mode")) {
                composerBox.getStyleClass().add("note-mode");
            }
        } else {
            composerBox.getStyleClass().remove("note-mode");
        }
        composer.setPromptText(i18n.text(note ? "chat.note.prompt" : "chat.composer.prompt"));
        send.setText(i18n.text(note ? "chat.note.save" : "chat.send"));
    }

    private String subtitleOf(StaffSession session) {
        StringBuilder text = new StringBuilder(Sessions.topic(session, i18n));
        if (session.department() != null) {
            text.append("  ·  ").append(session.department().name());
        }
        if (session.agent() != null && session.agent().name() != null) {
            text.append("  ·  ").append(i18n.text("chat.agent", session.agent().name()));
        }
        return text.toString();
    }

    private String closedText(StaffSession session) {
        String reason = Sessions.closeReason(session.closeReason(), i18n);
        return reason.isEmpty()
                ? i18n.text("chat.closed")
                : i18n.text("chat.closed.reason", reason);
    }

    /**
     * Brings the newest message into view whole. {@code ListView.scrollTo} puts an item at the top
     * and leaves the rest to the flow's estimate of cell heights it has not measured, which with
     * messages of one line and of ten left the newest one cut off or below the edge. So, once the
     * list has laid out its new items, the flow is asked to make the last cell fully visible,
     * twice: the first time may only bring it near.
     */
    private void scrollToNewest() {
        int last = messages.getItems().size() - 1;
        if (last < 0) {
            return;
        }
        messages.scrollTo(last);
        UiThread.fx()
                .later(
                        () -> {
                            if (messages.getItems().size() - 1 != last
                                    || !(messages.lookup(".virtual-flow")
                                            instanceof VirtualFlow<?> flow)) {
                                return; // a newer message scrolls for itself
                            }
                            for (int pass = 0; pass < 2; pass++) {
                                messages.layout();
                                flow.scrollTo(last);
                            }
                        });
    }
}
