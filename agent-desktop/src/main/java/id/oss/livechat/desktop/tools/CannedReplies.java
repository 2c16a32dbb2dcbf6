package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.Language;
import id.oss.livechat.model.canned.CannedResponse;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The canned replies the signed-in staff member may use: its personal ones and its departments'
 * shared ones, loaded once after sign-in and again after every change made in the manager. The
 * composer's list ({@link ReplySuggestions}) and the manager ({@link CannedReplyEditorViewModel})
 * read the same list.
 */
public final class CannedReplies {
    private final ObservableList<CannedResponse> replies = FXCollections.observableArrayList();
    private final ObservableList<CannedResponse> readOnly =
            FXCollections.unmodifiableObservableList(replies);
    private final DeskToolsApi api;
    private final Background background;

    public CannedReplies(DeskToolsApi api, Background background) {
        this.api = api;
        this.background = background;
    }

    /** By shortcut, then personal before shared, then Indonesian before English. */
    public ObservableList<CannedResponse> all() {
        return readOnly;
    }

    public DeskToolsApi api() {
        return api;
    }

    public void load() {
        load(error -> {});
    }

    /** Loads the list again; {@code onFailure} hears why not (the old list stays). */
    public void load(Consumer<Throwable> onFailure) {
        background.run(api::cannedResponses, this::show, onFailure);
    }

    void show(List<CannedResponse> loaded) {
        replies.setAll(
                loaded.stream()
                        .sorted(
                                Comparator.comparing(CannedResponse::shortcut)
                                        .thenComparing(r -> !r.personal())
                                        // Indonesian, the help desk's language, first
                                        .thenComparing(r -> r.language() != Language.ID))
                        .toList());
    }
}
