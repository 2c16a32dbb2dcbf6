package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.model.Language;
import id.oss.livechat.model.canned.CannedResponse;
import id.oss.livechat.model.canned.CannedResponseRequest;
import id.oss.livechat.model.staff.DepartmentInfo;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager of canned replies: the list, and a form to add or change one. Everyone keeps personal
 * replies; supervisors and admins also keep each department's shared ones (an agent's shared
 * replies are shown, to read, but cannot be changed). The form is checked as the server checks it;
 * the server's refusals (a shortcut taken) are said under it.
 */
public final class CannedReplyEditorViewModel {
    /** The scope of a reply in the form: personal (no department) or a department's. */
    public record Scope(UUID departmentId, String name) {}

    // Properties
    private final ReadOnlyObjectWrapper<CannedResponse> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty shortcut = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(Language.ID);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final StringBinding problem;
    private final BooleanBinding canSave;
    private final BooleanBinding canDelete;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private final CannedReplies replies;
    private final Background background;
    private final Localization i18n;
    private final boolean managesShared;

    public CannedReplyEditorViewModel(
            CannedReplies replies,
            Background background,
            Localization i18n,
            boolean managesShared) {
        this.replies = replies;
        this.background = background;
        this.i18n = i18n;
        this.managesShared = managesShared;
        Scope personal = new Scope(null, i18n.text("canned.scope.personal"));
        scopes.add(personal);
        scope.set(personal);
        problem =
                Bindings.createStringBinding(
                        () -> problemOf(shortcut.get(), text.get()),
                        shortcut,
                        text,
                        i18n.languageProperty());
        canSave =
                Bindings.createBooleanBinding(
                        () -> problem.get().isEmpty() && mayChange(editing.get()),
                        problem,
                        editing);
        canDelete =
                Bindings.createBooleanBinding(
                        () -> editing.get() != null && mayChange(editing.get()), editing);
    }

    public ObservableList<CannedResponse> replies() {
        return replies.all();
    }

    /** The reply in the form; null while a new one is written. */
    public ReadOnlyObjectProperty<CannedResponse> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty shortcutProperty() {
        return shortcut;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** Personal, then (supervisors and admins) every department. */
    public ObservableList<Scope> scopes() {
        return scopes;
    }

    public boolean managesShared() {
        return managesShared;
    }

    public StringBinding problem() {
        return problem;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public BooleanBinding canDelete() {
        return canDelete;
    }

    /** What the last save or delete did, or why it could not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the signed-in staff member may change this reply (null: a new one). */
    public boolean mayChange(CannedResponse reply) {
        return reply == null || reply.personal() || managesShared;
    }

    // Commands

    /** The departments a supervisor may keep shared replies for. */
    public void offerDepartments(List<DepartmentInfo> departments) {
        if (!managesShared) {
            return;
        }
        Scope personal = scopes.get(0);
        scopes.setAll(personal);
        departments.stream()
                .filter(DepartmentInfo::active)
                .forEach(d -> scopes.add(new Scope(d.id(), d.name())));
    }

    /** An empty form for a new reply. */
    public void startNew() {
        editing.set(null);
        shortcut.set("");
        text.set("");
        language.set(Language.ID);
        scope.set(scopes.get(0));
        status.set("");
    }

    /** The reply in the form, to change (or, if shared and the caller an agent, to read). */
    public void edit(CannedResponse reply) {
        if (reply == null) {
            startNew();
            return;
        }
        editing.set(reply);
        shortcut.set(reply.shortcut());
        text.set(reply.text());
        language.set(reply.language());
        scope.set(
                scopes.stream()
                        .filter(s -> Objects.equals(s.departmentId(), reply.departmentId()))
                        .findFirst()
                        .orElse(new Scope(reply.departmentId(), reply.departmentName())));
        status.set("");
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        CannedResponse current = editing.get();
        UUID department = scope.get() == null ? null : scope.get().departmentId();
        CannedResponseRequest request =
                new CannedResponseRequest(
                        shortcut.get().strip(),
                        text.get().strip(),
                        language.get(),
                        current == null ? department : null);
        status.set(i18n.text("canned.saving"));
        background.run(
                () ->
                        current == null
                                ? replies.api().createCannedResponse(request)
                                : replies.api().updateCannedResponse(current.id(), request),
                saved -> {
                    status.set(i18n.text("canned.saved", "/" + saved.shortcut()));
                    replies.load();
                    editing.set(saved);
                },
                error -> status.set(ErrorTexts.of(error, i18n, "canned.error")));
    }

    public void delete() {
        CannedResponse current = editing.get();
        if (current == null || !canDelete.get()) {
            return;
        }
        background.run(
                () -> {
                    replies.api().deleteCannedResponse(current.id());
                    return current;
                },
                deleted -> {
                    status.set(i18n.text("canned.deleted", "/" + deleted.shortcut()));
                    replies.load();
                    startNew();
                    status.set(i18n.text("canned.deleted", "/" + deleted.shortcut()));
                },
                error -> status.set(ErrorTexts.of(error, i18n, "canned.error")));
    }

    String problemOf(String rawShortcut, String rawText) {
        String code = rawShortcut == null ? "" : rawShortcut.strip().toLowerCase(Locale.ROOT);
        if (code.startsWith("/")) {
            code = code.substring(1);
        }
        if (code.isEmpty()) {
            return i18n.text("canned.problem.shortcut.empty");
        }
        if (code.length() > 32 || !code.matches("[a-z0-9][a-z0-9_-]*")) {
            return i18n.text("canned.problem.shortcut.format");
        }
        String body = rawText == null ? "" : rawText.strip();
        if (body.isEmpty()) {
            return i18n.text("canned.problem.text.empty");
        }
        if (body.length() > 4000) {
            return i18n.text("canned.problem.text.tooLong", body.length(), 4000);
        }
        return "";
    }
}
