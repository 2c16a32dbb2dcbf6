package id.oss.livechat.desktop.tools;

import id.oss.livechat.model.canned.CannedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The list that opens over the composer while the draft starts with {@code /}: the canned replies
 * whose shortcut starts with what follows the slash first, then those whose shortcut or text holds
 * it. Arrows move the choice, Enter takes it (the composer then holds the reply, filled in, to edit
 * before sending), Esc closes the list until the slash is gone.
 */
public final class ReplySuggestions {
    static final int MAX_SHOWN = 8;

    // Properties
    private final ObservableList<CannedResponse> shown = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(-1);

    private final ObservableList<CannedResponse> replies;
    private String draft = "";
    private boolean dismissed;

    public ReplySuggestions(ObservableList<CannedResponse> replies) {
        this.replies = replies;
        // replies loaded while the list is open show at once
        replies.addListener((ListChangeListener<CannedResponse>) change -> refresh());
    }

    /** The replies that match, best first; empty while closed. */
    public ObservableList<CannedResponse> shown() {
        return shown;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return open.get();
    }

    /** The index in {@link #shown()} that Enter would take; -1 when closed. */
    public ReadOnlyIntegerProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    // Commands

    /** The composer's text changed. */
    public void draftChanged(String text) {
        draft = text == null ? "" : text;
        if (!draft.startsWith("/")) {
            dismissed = false;
        }
        refresh();
    }

    public void next() {
        if (isOpen()) {
            chosen.set(Math.min(chosen.get() + 1, shown.size() - 1));
        }
    }

    public void previous() {
        if (isOpen()) {
            chosen.set(Math.max(chosen.get() - 1, 0));
        }
    }

    public void choose(int index) {
        if (isOpen() && index >= 0 && index < shown.size()) {
            chosen.set(index);
        }
    }

    /** Esc: closed until the draft no longer starts with a slash. */
    public void dismiss() {
        dismissed = true;
        refresh();
    }

    /**
     * Enter: the reply chosen, if the list is open. The list closes, and stays closed for the draft
     * the reply becomes.
     */
    public Optional<CannedResponse> take() {
        if (!isOpen() || chosen.get() < 0) {
            return Optional.empty();
        }
        CannedResponse reply = shown.get(chosen.get());
        dismissed = true;
        refresh();
        return Optional.of(reply);
    }

    private void refresh() {
        List<CannedResponse> matches =
                dismissed || !draft.startsWith("/") || draft.contains("\n")
                        ? List.of()
                        : matching(draft.substring(1));
        CannedResponse before =
                chosen.get() >= 0 && chosen.get() < shown.size() ? shown.get(chosen.get()) : null;
        // the choice is given again after the list changes, so a view's selection follows it
        chosen.set(-1);
        shown.setAll(matches);
        open.set(!matches.isEmpty());
        int keep = before == null ? -1 : matches.indexOf(before);
        chosen.set(matches.isEmpty() ? -1 : Math.max(keep, 0));
    }

    /** Shortcut prefix first, then shortcut or text containing the query; case does not matter. */
    List<CannedResponse> matching(String typed) {
        String query = typed.strip().toLowerCase(Locale.ROOT);
        List<CannedResponse> first = new ArrayList<>();
        List<CannedResponse> then = new ArrayList<>();
        for (CannedResponse reply : replies) {
            String shortcut = reply.shortcut().toLowerCase(Locale.ROOT);
            if (shortcut.startsWith(query)) {
                first.add(reply);
            } else if (shortcut.contains(query)
                    || reply.text().toLowerCase(Locale.ROOT).contains(query)) {
                then.add(reply);
            }
        }
        first.addAll(then);
        return first.size() > MAX_SHOWN ? first.subList(0, MAX_SHOWN) : first;
    }
}
