package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.analytics.AnalyticsViewModel;
import id.oss.livechat.desktop.audit.AuditViewModel;
import id.oss.livechat.desktop.board.BoardViewModel;
import id.oss.livechat.desktop.chat.ActiveChatsViewModel;
import id.oss.livechat.desktop.chat.AttachmentApi;
import id.oss.livechat.desktop.chat.ChatViewModel;
import id.oss.livechat.desktop.connection.LinkState;
import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.desktop.connection.ReconnectPolicy;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.contact.ContactViewModel;
import id.oss.livechat.desktop.hours.HoursEditorViewModel;
import id.oss.livechat.desktop.login.SignedIn;
import id.oss.livechat.desktop.login.TokenRenewal;
import id.oss.livechat.desktop.privacy.EraseViewModel;
import id.oss.livechat.desktop.queue.QueueViewModel;
import id.oss.livechat.desktop.tools.CannedReplies;
import id.oss.livechat.desktop.tools.CannedReplyEditorViewModel;
import id.oss.livechat.desktop.tools.ChatTagsViewModel;
import id.oss.livechat.desktop.tools.DeskLabels;
import id.oss.livechat.desktop.tools.DeskToolsApi;
import id.oss.livechat.desktop.tools.SearchViewModel;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.staff.StaffProfile;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/**
 * The main window's model: it owns the socket for this sign-in and wires the features to it. The
 * analytics part exists only for supervisors and admins.
 */
public final class MainViewModel {
    private final SignedIn signedIn;
    private final DesktopContext context;
    private final LiveLink link;
    // a shift outlives a token: renewed before it expires, the socket reconnecting with the new one
    private final TokenRenewal renewal;
    private final Attention attention;
    private final AgentStatusViewModel status;
    private final ActiveChatsViewModel chats;
    private final QueueViewModel queue;
    private final ContactViewModel contact;
    private final AnalyticsViewModel analytics;
    private final BoardViewModel board;
    private final DeskToolsApi deskTools;
    private final AttachmentApi attachments;
    private final CannedReplies cannedReplies;
    private final DeskLabels labels;
    private final ChatTagsViewModel chatTags;
    private final HoursEditorViewModel hours;
    private final AuditViewModel audit;
    private final EraseViewModel erase;
    private final StringBinding banner;
    private final BooleanBinding bannerVisible;
    private final Consumer<String> onSignedOut;

    /**
     * @param onSignedOut back to the sign-in window, with what to tell the agent there (null after
     *     its own sign-out)
     */
    public MainViewModel(SignedIn signedIn, DesktopContext context, Consumer<String> onSignedOut) {
        this.signedIn = signedIn;
        this.context = context;
        this.onSignedOut = onSignedOut;
        Background background = context.background();
        this.attention =
                new Attention(context.sound(), context.ports().platform(), context.settings());
        this.link =
                new LiveLink(
                        context.ports().chatConnection(),
                        new ReconnectPolicy(),
                        context.scheduler(),
                        context.ui());
        this.renewal =
                new TokenRenewal(
                        signedIn.api(),
                        background,
                        context.scheduler(),
                        link::useToken,
                        () -> accessEnded(TokenRenewal.REFUSED));
        this.status =
                new AgentStatusViewModel(signedIn.api(), background, context.i18n(), attention);
        this.chats =
                new ActiveChatsViewModel(
                        link,
                        signedIn.api(),
                        background,
                        context.i18n(),
                        attention,
                        context.clock(),
                        signedIn.user(),
                        attention::windowFocused);
        this.queue =
                new QueueViewModel(
                        link,
                        signedIn.api(),
                        background,
                        context.i18n(),
                        attention,
                        context.clock(),
                        signedIn.user(),
                        chats);
        this.contact = new ContactViewModel(signedIn.api(), background, context.i18n());
        this.analytics =
                signedIn.user().role().overseesAllChats()
                        ? new AnalyticsViewModel(
                                context.ports().analyticsApi(signedIn),
                                background,
                                context.i18n(),
                                context.clock())
                        : null;
        this.board =
                signedIn.user().role().overseesAllChats()
                        ? new BoardViewModel(
                                link,
                                signedIn.api(),
                                background,
                                context.i18n(),
                                attention,
                                context.clock())
                        : null;
        this.deskTools = context.ports().deskToolsApi(signedIn);
        this.attachments = context.ports().attachmentApi(signedIn);
        this.cannedReplies = new CannedReplies(deskTools, background);
        this.labels = new DeskLabels(deskTools, background);
        this.chatTags =
                new ChatTagsViewModel(deskTools, background, labels, context.i18n(), attention);
        // admins keep the departments' opening hours
        this.hours =
                signedIn.user().role() == StaffRole.ADMIN
                        ? new HoursEditorViewModel(
                                context.ports().hoursApi(signedIn), background, context.i18n())
                        : null;
        // admins read the audit trail and erase a visitor's data (the server refuses others too)
        boolean admin = signedIn.user().role() == StaffRole.ADMIN;
        this.audit =
                admin
                        ? new AuditViewModel(
                                context.ports().auditApi(signedIn),
                                background,
                                context.i18n(),
                                java.time.ZoneId.systemDefault())
                        : null;
        this.erase =
                admin
                        ? new EraseViewModel(
                                context.ports().erasureApi(signedIn), background, context.i18n())
                        : null;
        // the chat shown, and its visitor's details as they change (the contact form, a login)
        chats.selectedSessionProperty().addListener((obs, old, now) -> contact.show(now));
        chats.selectedSessionProperty().addListener((obs, old, now) -> chatTags.show(now));
        attention.unreadProperty().bind(chats.unreadTotal());
        // online only once the chats are on screen: what routing hands out then is never missed
        chats.loadedProperty()
                .addListener(
                        (obs, was, loaded) -> {
                            if (loaded && !was) {
                                status.change(AgentStatus.ONLINE);
                            }
                        });
        // a status change moves the deadlines of chats taken by hand (spared only while online)
        status.statusProperty().addListener((obs, old, now) -> chats.reload());
        attention
                .windowFocusedProperty()
                .addListener(
                        (obs, was, focused) -> {
                            if (focused) {
                                chats.windowFocusGained();
                            }
                        });
        banner =
                Bindings.createStringBinding(
                        () -> bannerText(link.state()),
                        link.stateProperty(),
                        context.i18n().languageProperty());
        bannerVisible =
                Bindings.createBooleanBinding(
                        () ->
                                link.state() == LinkState.RECONNECTING
                                        || link.state() == LinkState.REJECTED,
                        link.stateProperty());
        // the server took the token back (signed out elsewhere, a new password, deactivated, a new
        // role or departments, or it expired): only a new sign-in helps, so go there and say why
        link.stateProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now == LinkState.REJECTED) {
                                accessEnded(link.rejectedBecause());
                            }
                        });
    }

    /**
     * Connects. Once the socket is signed in (and so follows the agent's chats), the queue and the
     * chats load; once the chats are on screen, the agent comes online.
     */
    public void start() {
        link.start(signedIn.server().agentSocket(), signedIn.accessToken());
        renewal.start(signedIn.login().expiresIn());
        cannedReplies.load();
        labels.load();
        if (analytics != null) {
            // the first figures bring the charts of the range, which reaches today
            analytics.refreshLive();
        }
        if (hours != null) {
            hours.loadDepartments();
        }
    }

    /**
     * Chats still running: signing out hands them back to their departments' queues (the server
     * does, with a note for the next agent), so the window asks first.
     */
    public long openChats() {
        return chats.openCount();
    }

    /**
     * Sign-out: offline for routing (the server returns open chats to the queue), the socket closed
     * for good, back to the login.
     */
    public void signOut() {
        shutdown();
        onSignedOut.accept(null);
    }

    /**
     * The app is closing: offline for routing, the socket closed, and the token revoked on the
     * server ({@code POST /api/auth/logout}), with no screen change.
     */
    public void shutdown() {
        renewal.stop();
        link.stop();
        var api = signedIn.api();
        context.background()
                .run(
                        () -> {
                            try {
                                api.setStatus(AgentStatus.OFFLINE);
                            } finally {
                                api.signOut();
                            }
                            return null;
                        },
                        done -> {},
                        error -> {});
    }

    /**
     * The server closed the socket with 4401, or refused to renew the token (401): the token is no
     * good; nothing more to tell it.
     */
    private void accessEnded(String reason) {
        renewal.stop();
        link.stop();
        signedIn.api().forgetToken();
        onSignedOut.accept(signedOutText(reason));
    }

    /** What the sign-in window says after the server ended the session, in the agent's words. */
    String signedOutText(String reason) {
        String key =
                switch (reason == null ? "" : reason) {
                    case FrameTypes.REVOKED_SIGNED_OUT -> "signedOut.elsewhere";
                    case FrameTypes.REVOKED_PASSWORD_CHANGED -> "signedOut.passwordChanged";
                    case FrameTypes.REVOKED_ACCESS_CHANGED -> "signedOut.accessChanged";
                    case FrameTypes.REVOKED_TOKEN_EXPIRED -> "signedOut.expired";
                    case TokenRenewal.REFUSED -> "signedOut.renewalRefused";
                    default -> "signedOut.refused";
                };
        return context.i18n().text(key);
    }

    public StaffProfile user() {
        return signedIn.user();
    }

    /** The signed-in REST API, for dialogs that load their own choices (transfer targets). */
    public StaffApi api() {
        return signedIn.api();
    }

    public String serverName() {
        return signedIn.server().toString();
    }

    public DesktopContext context() {
        return context;
    }

    public LiveLink link() {
        return link;
    }

    public Attention attention() {
        return attention;
    }

    public AgentStatusViewModel status() {
        return status;
    }

    public ActiveChatsViewModel chats() {
        return chats;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public ContactViewModel contact() {
        return contact;
    }

    /** The canned replies the composer offers and the manager edits. */
    public CannedReplies cannedReplies() {
        return cannedReplies;
    }

    /** The tags and close reasons admins defined. */
    public DeskLabels labels() {
        return labels;
    }

    /** The tags of the chat on screen. */
    public ChatTagsViewModel chatTags() {
        return chatTags;
    }

    /** Canned replies, tags and search on the server. */
    public DeskToolsApi deskTools() {
        return deskTools;
    }

    /** Files in chats, over the signed-in client. */
    public AttachmentApi attachments() {
        return attachments;
    }

    /** A search over past chats, read-only (a new one per search window). */
    public SearchViewModel newSearch() {
        return new SearchViewModel(deskTools, signedIn.api(), context.background(), context.i18n());
    }

    /** The canned replies' manager; supervisors and admins also keep shared ones. */
    public CannedReplyEditorViewModel newCannedReplyEditor() {
        CannedReplyEditorViewModel editor =
                new CannedReplyEditorViewModel(
                        cannedReplies,
                        context.background(),
                        context.i18n(),
                        user().role().overseesAllChats());
        if (editor.managesShared()) {
            var api = signedIn.api();
            context.background().run(api::departments, editor::offerDepartments, error -> {});
        }
        return editor;
    }

    /** The live board; present for supervisors and admins only. */
    public Optional<BoardViewModel> board() {
        return Optional.ofNullable(board);
    }

    /** The opening hours editor: admins only. */
    public Optional<HoursEditorViewModel> hours() {
        return Optional.ofNullable(hours);
    }

    /** The audit trail: admins only. */
    public Optional<AuditViewModel> audit() {
        return Optional.ofNullable(audit);
    }

    /** Erasing a visitor's personal data: admins only. */
    public Optional<EraseViewModel> erase() {
        return Optional.ofNullable(erase);
    }

    /** Present for supervisors and admins only. */
    public Optional<AnalyticsViewModel> analytics() {
        return Optional.ofNullable(analytics);
    }

    /** The connection banner's text; {@link #bannerVisible()} says when it shows. */
    public StringBinding banner() {
        return banner;
    }

    public BooleanBinding bannerVisible() {
        return bannerVisible;
    }

    public Optional<ChatViewModel> selectedChat() {
        return Optional.ofNullable(chats.selected());
    }

    private String bannerText(LinkState state) {
        return switch (state) {
            case RECONNECTING -> context.i18n().text("banner.reconnecting");
            case REJECTED -> context.i18n().text("banner.rejected");
            default -> "";
        };
    }
}
