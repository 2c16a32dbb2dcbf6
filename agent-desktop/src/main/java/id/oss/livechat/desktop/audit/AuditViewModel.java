package id.oss.livechat.desktop.audit;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.i18n.ErrorTexts;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The admins' Audit tab: the trail newest first, narrowed by actor, action and a range of days on
 * the desk's clock, a page at a time ("more" follows the server's cursor), and saved as CSV with
 * the same filters.
 */
public final class AuditViewModel {
    /** Entries fetched per page. */
    static final int PAGE_SIZE = 100;

    /** The actions the server records (docs/API.md), offered in the action filter. */
    public static final List<String> ACTIONS =
            List.of(
                    "auth.sign_in",
                    "auth.sign_in_failed",
                    "auth.sign_out",
                    "auth.password_changed",
                    "session.opened",
                    "session.transcript_read",
                    "visitor.history_read",
                    "session.assigned",
                    "session.transferred",
                    "session.closed",
                    "mail.sent",
                    "audit.read",
                    "audit.exported",
                    "privacy.erase",
                    "privacy.retention",
                    "privacy.my_data_exported",
                    "admin.staff_created",
                    "admin.staff_updated",
                    "admin.department_created",
                    "admin.department_updated");

    // Properties
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringBinding filterProblem;
    private final ObservableList<AuditLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);

    private final AuditApi api;
    private final Background background;
    private final Localization i18n;
    private final ZoneId zone;

    /** The filter of the list on screen: "more" continues it even after the fields changed. */
    private AuditFilter shown = AuditFilter.NONE;

    private String nextCursor;

    /**
     * @param zone the desk's clock: the days of the range and the times shown are on it
     */
    public AuditViewModel(AuditApi api, Background background, Localization i18n, ZoneId zone) {
        this.api = api;
        this.background = background;
        this.i18n = i18n;
        this.zone = zone;
        filterProblem =
                Bindings.createStringBinding(
                        () -> problemOf(from.get(), to.get()), from, to, i18n.languageProperty());
    }

    /**
     * An exact user name ({@code admin}), or {@code system}, {@code retention}, {@code visitor}.
     */
    public StringProperty actorProperty() {
        return actor;
    }

    /** An exact action ({@code auth.sign_in}); empty: every action. */
    public StringProperty actionProperty() {
        return action;
    }

    /** The first day shown (on the desk's clock); null: from the start. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day shown, whole; null: up to now. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Empty, or why the chosen days cannot be asked for. */
    public StringBinding filterProblem() {
        return filterProblem;
    }

    /** The entries fetched so far, newest first. */
    public ObservableList<AuditLine> lines() {
        return lines;
    }

    /** Older entries match the filter: "more" fetches the next page. */
    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the list shows ("12 entries"), or why it could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Empty, or what the last export did: where it saved the file, or why it could not. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The name offered for the export: {@code audit-2026-12-07.csv}, by the last day asked for. */
    public String exportFileName() {
        LocalDate last = to.get() != null ? to.get() : LocalDate.now(zone);
        return i18n.text("audit.export.fileName", String.valueOf(last));
    }

    // Commands

    /** Reads the first page with the filters as they are now; replaces the list. */
    public void search() {
        if (!filterProblem.get().isEmpty() || loading.get()) {
            return;
        }
        AuditFilter filter = filter();
        fetch(filter, null, true);
    }

    /** Appends the next (older) page of the list on screen. */
    public void more() {
        if (nextCursor == null || loading.get()) {
            return;
        }
        fetch(shown, nextCursor, false);
    }

    /**
     * Saves every entry matching the filters as they are now as CSV in {@code target}: fetched and
     * written in the background, with the outcome in {@link #exportStatusProperty()}.
     */
    public void exportTo(Path target) {
        if (!filterProblem.get().isEmpty() || exporting.get()) {
            return;
        }
        AuditFilter filter = filter();
        exporting.set(true);
        exportStatus.set(i18n.text("audit.export.running"));
        background.run(
                () -> {
                    Files.writeString(target, api.exportCsv(filter), StandardCharsets.UTF_8);
                    return target;
                },
                saved -> {
                    exporting.set(false);
                    exportStatus.set(i18n.text("audit.export.saved", saved.getFileName()));
                },
                error -> {
                    exporting.set(false);
                    exportStatus.set(
                            error instanceof IOException
                                    ? i18n.text("audit.export.notWritten", target)
                                    : refusal(error, "audit.export.failed"));
                });
    }

    private void fetch(AuditFilter filter, String cursor, boolean fresh) {
        loading.set(true);
        status.set(i18n.text("audit.loading"));
        background.run(
                () -> api.page(filter, cursor, PAGE_SIZE),
                page -> show(filter, page, fresh),
                error -> {
                    loading.set(false);
                    status.set(refusal(error, "audit.error.load"));
                });
    }

    private void show(AuditFilter filter, AuditPage page, boolean fresh) {
        List<AuditLine> read = page.entries().stream().map(e -> AuditLine.of(e, zone)).toList();
        if (fresh) {
            lines.setAll(read);
        } else {
            lines.addAll(read);
        }
        shown = filter;
        nextCursor = page.nextCursor();
        moreAvailable.set(nextCursor != null);
        loading.set(false);
        status.set(
                lines.isEmpty()
                        ? i18n.text("audit.empty")
                        : i18n.text(
                                nextCursor == null ? "audit.count" : "audit.countMore",
                                lines.size()));
    }

    /** The server's refusal in the admin's words; a 400 names the filter it could not read. */
    private String refusal(Throwable error, String fallbackKey) {
        if (error instanceof ApiException api && api.status() == 400 && !api.fields().isEmpty()) {
            var field = api.fields().entrySet().iterator().next();
            return i18n.text("audit.error.field", field.getKey(), field.getValue());
        }
        return ErrorTexts.of(error, i18n, fallbackKey);
    }

    private AuditFilter filter() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        return new AuditFilter(
                actor.get(),
                action.get(),
                first == null ? null : startOf(first),
                last == null ? null : startOf(last.plusDays(1)));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private String problemOf(LocalDate start, LocalDate end) {
        if (start != null && end != null && start.isAfter(end)) {
            return i18n.text("audit.range.order");
        }
        return "";
    }
}
