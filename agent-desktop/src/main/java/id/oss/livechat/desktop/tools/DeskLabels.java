package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.tagging.CloseReason;
import id.oss.livechat.model.tagging.Tag;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tags and close reasons admins defined, loaded once after sign-in: what the tag menu and the
 * close dialog offer, each named in the desk's language.
 */
public final class DeskLabels {
    private final ObservableList<Tag> tags = FXCollections.observableArrayList();
    private final ObservableList<CloseReason> closeReasons = FXCollections.observableArrayList();
    private final DeskToolsApi api;
    private final Background background;

    public DeskLabels(DeskToolsApi api, Background background) {
        this.api = api;
        this.background = background;
    }

    /** The active tags. */
    public ObservableList<Tag> tags() {
        return tags;
    }

    /** The active close reasons. */
    public ObservableList<CloseReason> closeReasons() {
        return closeReasons;
    }

    /** Loads both lists; a server without them (404) leaves them empty. */
    public void load() {
        background.run(api::tags, tags::setAll, error -> {});
        background.run(api::closeReasons, closeReasons::setAll, error -> {});
    }

    public static String label(Tag tag, Localization i18n) {
        return i18n.language() == AppLanguage.ENGLISH ? tag.labelEn() : tag.labelId();
    }

    public static String label(CloseReason reason, Localization i18n) {
        return i18n.language() == AppLanguage.ENGLISH ? reason.labelEn() : reason.labelId();
    }

    static List<String> codes(List<Tag> tags) {
        return tags.stream().map(Tag::code).toList();
    }
}
