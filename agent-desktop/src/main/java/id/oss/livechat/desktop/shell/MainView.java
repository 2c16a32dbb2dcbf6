package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.analytics.AnalyticsView;
import id.oss.livechat.desktop.audit.AuditView;
import id.oss.livechat.desktop.board.BoardView;
import id.oss.livechat.desktop.chat.ActiveChatsView;
import id.oss.livechat.desktop.chat.AttachmentFiles;
import id.oss.livechat.desktop.chat.ChatDialogs;
import id.oss.livechat.desktop.chat.ChatView;
import id.oss.livechat.desktop.chat.FileSending;
import id.oss.livechat.desktop.chat.TransferViewModel;
import id.oss.livechat.desktop.contact.ContactView;
import id.oss.livechat.desktop.hours.HoursEditorView;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.privacy.EraseView;
import id.oss.livechat.desktop.queue.QueueView;
import id.oss.livechat.desktop.tools.CannedRepliesDialog;
import id.oss.livechat.desktop.tools.CannedReplyList;
import id.oss.livechat.desktop.tools.ReplyFilling;
import id.oss.livechat.desktop.tools.SearchWindow;
import id.oss.livechat.desktop.tools.TagBar;
import id.oss.livechat.desktop.util.Background;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's layout: menu and status bar on top, the connection banner, then queue and chats
 * on the left, the chat in the middle, the contact on the right; supervisors also get the analytics
 * and board tabs, admins besides the opening hours, the audit trail and the erasure of a visitor.
 */
public final class MainView extends StackPane {
    private static final double SIDE_WIDTH = 340;
    private static final double CONTACT_WIDTH = 340;
    private static final double SIDE_MIN_WIDTH = 300;
    private static final double CHAT_MIN_WIDTH = 240;
    private final MainViewModel viewModel;
    private final QueueView queueView;
    private final ActiveChatsView chatsView;
    private final ChatView chatView;
    private final AnalyticsView analyticsView;
    private final Toast toast;
    private final CannedReplyList cannedReplyList;
    private SearchWindow searchWindow;
    private StatusBar statusBar;

    /** The chat's attach button and the files' "Buka" / "Simpan", through the ports. */
    private ChatView.FileHandling fileHandling(MainViewModel viewModel, Localization i18n) {
        Ports ports = viewModel.context().ports();
        Background background = viewModel.context().background();
        AttachmentFiles files =
                new AttachmentFiles(
                        viewModel.attachments(),
                        background,
                        ports.platform(),
                        ports.saveDialog(),
                        viewModel.attention(),
                        i18n,
                        () -> getScene() == null ? null : getScene().getWindow());
        return new ChatView.FileHandling(
                new FileSending(viewModel.attachments(), background, i18n),
                files,
                () ->
                        ports.openDialog()
                                .choose(
                                        getScene() == null ? null : getScene().getWindow(),
                                        i18n.text("chat.attach.title")));
    }

    public MainView(MainViewModel viewModel, Runnable onLanguageChanged) {
        this.viewModel = viewModel;
        Localization i18n = viewModel.context().i18n();
        getStyleClass().add("main-root");

        queueView = new QueueView(viewModel.queue(), i18n);
        chatsView = new ActiveChatsView(viewModel.chats(), i18n);
        SplitPane left = new SplitPane(queueView, chatsView);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.55);
        left.getStyleClass().add("left-column");

        cannedReplyList =
                new CannedReplyList(
                        viewModel.cannedReplies(),
                        new ReplyFilling(),
                        viewModel.chats(),
                        viewModel.user().displayName(),
                        i18n);
        chatView =
                new ChatView(
                        viewModel.chats(),
                        i18n,
                        this::closeChat,
                        this::transferChat,
                        viewModel.context().ports().platform()::openLink,
                        cannedReplyList,
                        new TagBar(viewModel.chatTags(), i18n),
                        fileHandling(viewModel, i18n));
        ContactView contactView = new ContactView(viewModel.contact(), i18n);
        SplitPane workspace = new SplitPane(left, chatView, contactView);
        fixSideColumns(workspace, left, contactView);
        workspace.getStyleClass().add("workspace");

        analyticsView =
                viewModel
                        .analytics()
                        .map(
                                analytics ->
                                        new AnalyticsView(
                                                analytics,
                                                i18n,
                                                viewModel.context().ports().saveDialog()))
                        .orElse(null);
        BorderPane frame = new BorderPane();
        if (analyticsView == null) {
            frame.setCenter(workspace);
        } else {
            Tab chats = new Tab(i18n.text("tab.chats"), workspace);
            chats.setId("tab-chats");
            Tab analytics = new Tab(i18n.text("tab.analytics"), analyticsView);
            analytics.setId("tab-analytics");
            TabPane tabs = new TabPane(chats, analytics);
            viewModel
                    .board()
                    .ifPresent(
                            board -> {
                                Tab tab =
                                        new Tab(
                                                i18n.text("tab.board"),
                                                new BoardView(
                                                        board,
                                                        i18n,
                                                        viewModel.context().ports().platform()
                                                                ::openLink));
                                tab.setId("tab-board");
                                tabs.getTabs().add(1, tab);
                            });
            // admins keep the departments' opening hours
            viewModel
                    .hours()
                    .ifPresent(
                            hours -> {
                                Tab tab =
                                        new Tab(
                                                i18n.text("tab.hours"),
                                                new HoursEditorView(hours, i18n));
                                tab.setId("tab-hours");
                                tabs.getTabs().add(tab);
                            });
            // admins read the audit trail (read afresh each time the tab opens) and erase data
            viewModel
                    .audit()
                    .ifPresent(
                            audit -> {
                                Tab tab =
                                        new Tab(
                                                i18n.text("tab.audit"),
                                                new AuditView(
                                                        audit,
                                                        i18n,
                                                        viewModel.context().ports().saveDialog()));
                                tab.setId("tab-audit");
                                tab.selectedProperty()
                                        .addListener(
                                                (obs, was, selected) -> {
                                                    if (selected) {
                                                        audit.search();
                                                    }
                                                });
                                tabs.getTabs().add(tab);
                            });
            viewModel
                    .erase()
                    .ifPresent(
                            erase -> {
                                Tab tab =
                                        new Tab(i18n.text("tab.erase"), new EraseView(erase, i18n));
                                tab.setId("tab-erase");
                                tabs.getTabs().add(tab);
                            });
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.getStyleClass().add("main-tabs");
            frame.setCenter(tabs);
        }

        Label banner = new Label();
        banner.setId("connection-banner");
        banner.getStyleClass().add("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setAlignment(Pos.CENTER);
        banner.textProperty().bind(viewModel.banner());
        banner.visibleProperty().bind(viewModel.bannerVisible());
        banner.managedProperty().bind(banner.visibleProperty());

        MainMenu menu = new MainMenu(viewModel, i18n, this, onLanguageChanged);
        StatusBar statusBar = new StatusBar(viewModel, i18n, this::signOut, this::search);
        this.statusBar = statusBar;
        frame.setTop(new VBox(menu, statusBar, banner));

        // over the contact column's foot, as wide as that column: never over the composer and its
        // send button, however the columns are dragged
        toast = new Toast(viewModel.attention());
        toast.maxWidthProperty().bind(contactView.widthProperty().subtract(32));
        StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toast, new javafx.geometry.Insets(16, 16, 16, 16));
        getChildren().addAll(frame, toast);

        // next / previous chat wherever the focus is: lists and tab panes have their own use for
        // Ctrl+Page Down, and would swallow the menu's accelerator
        addEventFilter(KeyEvent.KEY_PRESSED, this::chatSwitchKeys);
    }

    private void chatSwitchKeys(KeyEvent event) {
        if (MainMenu.NEXT_CHAT.match(event)) {
            viewModel.chats().selectNext();
            event.consume();
        } else if (MainMenu.PREVIOUS_CHAT.match(event)) {
            viewModel.chats().selectPrevious();
            event.consume();
        }
    }

    /**
     * Queue and contact keep their width when the window grows; the chat takes the rest. The
     * dividers are placed once the workspace knows its width, so every start looks the same.
     */
    private static void fixSideColumns(SplitPane workspace, Region left, Region right) {
        // "Antrean (12)", a name and "Ambil" side by side; the contact's labels and fields
        left.setMinWidth(SIDE_MIN_WIDTH);
        right.setMinWidth(260);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        workspace
                .widthProperty()
                .addListener(
                        new javafx.beans.value.ChangeListener<Number>() {
                            @Override
                            public void changed(
                                    javafx.beans.value.ObservableValue<? extends Number> width,
                                    Number old,
                                    Number now) {
                                double total = now.doubleValue();
                                if (total < SIDE_WIDTH + CONTACT_WIDTH + CHAT_MIN_WIDTH) {
                                    // not the window's width yet (the login's, while the window
                                    // grows): placed now, the queue would keep a sliver of it
                                    return;
                                }
                                workspace.widthProperty().removeListener(this);
                                workspace.setDividerPositions(
                                        SIDE_WIDTH / total, 1 - CONTACT_WIDTH / total);
                            }
                        });
    }

    /** The window's focus decides about unread counts and the chime. */
    public void bindWindowFocus(Stage stage) {
        viewModel.attention().windowFocusedProperty().bind(stage.focusedProperty());
    }

    /** Stops this view's timers; the shell calls it before replacing the view. */
    public void dispose() {
        queueView.dispose();
        chatsView.dispose();
        if (analyticsView != null) {
            analyticsView.dispose();
        }
        toast.dispose();
        if (searchWindow != null) {
            searchWindow.stage().close();
        }
        viewModel.attention().windowFocusedProperty().unbind();
    }

    /** Signs out, after asking when chats are still running (they go back to the queue). */
    void signOut() {
        if (confirmLeaving()) {
            viewModel.signOut();
        }
    }

    /** True when nothing runs, or the agent accepts that its chats go back to the queue. */
    boolean confirmLeaving() {
        long open = viewModel.openChats();
        return open == 0
                || SignOutDialog.confirm(getScene().getWindow(), open, viewModel.context().i18n());
    }

    void closeChat() {
        ChatDialogs.close(
                getScene().getWindow(),
                viewModel.chats(),
                viewModel.context().i18n(),
                List.copyOf(viewModel.labels().closeReasons()));
    }

    /** The search window, searching for {@code query} (empty: just opened, cursor in its box). */
    void search(String query) {
        if (searchWindow == null) {
            searchWindow =
                    new SearchWindow(
                            getScene().getWindow(),
                            viewModel.newSearch(),
                            viewModel.context().i18n(),
                            viewModel.context().ports().platform()::openLink);
        }
        searchWindow.show(query);
    }

    /** Ctrl+F: the status bar's search box. */
    void focusSearch() {
        statusBar.focusSearch();
    }

    /** The canned replies' manager. */
    void manageCannedReplies() {
        CannedRepliesDialog.show(
                getScene().getWindow(),
                viewModel.newCannedReplyEditor(),
                viewModel.context().i18n());
    }

    /** The composer's canned replies list, for tests. */
    public CannedReplyList cannedReplyList() {
        return cannedReplyList;
    }

    void transferChat() {
        var context = viewModel.context();
        TransferViewModel transfer =
                new TransferViewModel(
                        viewModel.api(),
                        context.background(),
                        context.i18n(),
                        viewModel.user().id());
        ChatDialogs.transfer(getScene().getWindow(), viewModel.chats(), transfer, context.i18n());
    }

    void focusComposer() {
        chatView.focusComposer();
    }
}
