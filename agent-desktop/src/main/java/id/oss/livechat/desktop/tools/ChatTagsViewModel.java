package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Notice;
import id.oss.livechat.desktop.util.Notifier;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.tagging.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tags of the chat on screen: loaded when the agent switches chats, changed one tag at a time
 * from the chat's header (the server keeps the list; a refusal is said, and the list shows what the
 * server holds).
 */
public final class ChatTagsViewModel {
    // Properties
    private final ObservableList<Tag> tags = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UUID> sessionId = new ReadOnlyObjectWrapper<>();

    private final DeskToolsApi api;
    private final Background background;
    private final DeskLabels labels;
    private final Localization i18n;
    private final Notifier notifier;

    public ChatTagsViewModel(
            DeskToolsApi api,
            Background background,
            DeskLabels labels,
            Localization i18n,
            Notifier notifier) {
        this.api = api;
        this.background = background;
        this.labels = labels;
        this.i18n = i18n;
        this.notifier = notifier;
    }

    /** The chat's tags, as the server holds them. */
    public ObservableList<Tag> tags() {
        return tags;
    }

    /** What may be given: the active tags. */
    public ObservableList<Tag> offered() {
        return labels.tags();
    }

    public ReadOnlyObjectProperty<UUID> sessionIdProperty() {
        return sessionId.getReadOnlyProperty();
    }

    public boolean has(String code) {
        return tags.stream().anyMatch(t -> t.code().equals(code));
    }

    // Commands

    /** The chat on screen changed (null: none). */
    public void show(StaffSession session) {
        UUID id = session == null ? null : session.sessionId();
        if (id != null && id.equals(sessionId.get())) {
            return; // the same chat, updated: its tags did not change
        }
        sessionId.set(id);
        tags.clear();
        if (id == null) {
            return;
        }
        background.run(
                () -> api.sessionTags(id).tags(),
                found -> {
                    if (id.equals(sessionId.get())) {
                        tags.setAll(found);
                    }
                },
                error -> {});
    }

    /** Gives the chat the tag, or takes it away. */
    public void toggle(String code) {
        UUID id = sessionId.get();
        if (id == null) {
            return;
        }
        List<String> next = new ArrayList<>(DeskLabels.codes(tags));
        if (!next.remove(code)) {
            next.add(code);
        }
        background.run(
                () -> api.setSessionTags(id, next).tags(),
                saved -> {
                    if (id.equals(sessionId.get())) {
                        tags.setAll(saved);
                    }
                },
                error -> notifier.notify(Notice.error(ErrorTexts.of(error, i18n, "tags.error"))));
    }
}
