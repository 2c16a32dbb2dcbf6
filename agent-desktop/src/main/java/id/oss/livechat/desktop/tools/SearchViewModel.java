package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.chat.MessageItem;
import id.oss.livechat.desktop.chat.Transcript;
import id.oss.livechat.desktop.connection.StaffApi;
import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.realtime.MessagePage;
import id.oss.livechat.model.search.SearchPage;
import id.oss.livechat.model.search.SearchResult;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search over past chats: a query, the chats found (most relevant first, more on request), and
 * the transcript of the one opened, read-only. The query is checked here as the server checks it
 * (not empty, at most 200 characters, a letter or digit in it), so a hopeless one is not sent.
 */
public final class SearchViewModel {
    public static final int MAX_QUERY = 200;
    private static final int TRANSCRIPT_PAGE = 500;
    private static final int MAX_TRANSCRIPT_PAGES = 20;

    // Properties
    private final StringProperty query = new SimpleStringProperty("");
    private final StringBinding queryProblem;
    private final ObservableList<SearchResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SearchResult> opened = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MessageItem> transcript = FXCollections.observableArrayList();

    private final DeskToolsApi tools;
    private final StaffApi staff;
    private final Background background;
    private final Localization i18n;
    private String searched;
    private String nextCursor;
    private long generation;

    public SearchViewModel(
            DeskToolsApi tools, StaffApi staff, Background background, Localization i18n) {
        this.tools = tools;
        this.staff = staff;
        this.background = background;
        this.i18n = i18n;
        this.queryProblem =
                Bindings.createStringBinding(
                        () -> problemOf(query.get()), query, i18n.languageProperty());
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Empty, or why the query cannot be searched. */
    public StringBinding queryProblem() {
        return queryProblem;
    }

    public ObservableList<SearchResult> results() {
        return results;
    }

    /** "3 chat ditemukan", "Tidak ada chat yang cocok", or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The chat whose transcript is shown, read-only. */
    public ReadOnlyObjectProperty<SearchResult> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ObservableList<MessageItem> transcript() {
        return transcript;
    }

    // Commands

    /** Searches anew from the first page. */
    public void search() {
        String problem = queryProblem.get();
        if (!problem.isEmpty()) {
            status.set(problem);
            return;
        }
        searched = query.get().strip();
        nextCursor = null;
        results.clear();
        hasMore.set(false);
        close();
        fetch(++generation);
    }

    /** The next page of the same search. */
    public void more() {
        if (hasMore.get() && !busy.get()) {
            fetch(generation);
        }
    }

    private void fetch(long asked) {
        String q = searched;
        String cursor = nextCursor;
        busy.set(true);
        status.set(i18n.text("search.searching"));
        background.run(
                () -> tools.search(q, cursor),
                page -> {
                    if (asked == generation) {
                        show(page);
                    }
                },
                error -> {
                    if (asked == generation) {
                        busy.set(false);
                        status.set(ErrorTexts.of(error, i18n, "search.error"));
                    }
                });
    }

    private void show(SearchPage page) {
        busy.set(false);
        results.addAll(page.results());
        nextCursor = page.nextCursor();
        hasMore.set(page.hasMore() && nextCursor != null);
        status.set(
                results.isEmpty()
                        ? i18n.text("search.none")
                        : i18n.text("search.found", results.size(), hasMore.get() ? "+" : ""));
    }

    /** Shows the chat's whole transcript, read-only. */
    public void open(SearchResult result) {
        opened.set(result);
        transcript.clear();
        if (result == null) {
            return;
        }
        UUID id = result.sessionId();
        background.run(
                () -> read(id),
                read -> {
                    if (opened.get() == result) {
                        transcript.setAll(read.items());
                    }
                },
                error -> {
                    if (opened.get() == result) {
                        status.set(ErrorTexts.of(error, i18n, "search.transcript.error"));
                    }
                });
    }

    public void close() {
        opened.set(null);
        transcript.clear();
    }

    private Transcript read(UUID sessionId) {
        Transcript read = new Transcript();
        long after = 0;
        for (int page = 0; page < MAX_TRANSCRIPT_PAGES; page++) {
            MessagePage next = staff.messages(sessionId, after, TRANSCRIPT_PAGE);
            next.messages().forEach(read::addStored);
            if (!next.hasMore() || next.messages().isEmpty()) {
                break;
            }
            after = next.messages().get(next.messages().size() - 1).seq();
        }
        return read;
    }

    String problemOf(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return i18n.text("search.problem.empty");
        }
        if (q.length() > MAX_QUERY) {
            return i18n.text("search.problem.tooLong", q.length(), MAX_QUERY);
        }
        if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return i18n.text("search.problem.noWord");
        }
        return "";
    }
}
