package id.oss.livechat.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admins' Audit tab, against a fake of the server's audit API. */
class AuditViewModelTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** The server as the tab meets it: pages by cursor, and what it was asked. */
    static final class FakeAuditApi implements AuditApi {
        final List<AuditFilter> asked = new ArrayList<>();
        final List<String> cursors = new ArrayList<>();
        final List<AuditPage> pages = new ArrayList<>();
        String csv = "at,actor,address,action,subject,detail\r\n";
        RuntimeException refusal;

        @Override
        public AuditPage page(AuditFilter filter, String cursor, int limit) {
            asked.add(filter);
            cursors.add(cursor);
            if (refusal != null) {
                throw refusal;
            }
            return pages.remove(0);
        }

        @Override
        public String exportCsv(AuditFilter filter) {
            asked.add(filter);
            if (refusal != null) {
                throw refusal;
            }
            return csv;
        }
    }

    private final FakeAuditApi api = new FakeAuditApi();
    private final Localization i18n = new Localization(AppLanguage.INDONESIAN);
    private final AuditViewModel audit =
            new AuditViewModel(api, Background.sameThread(), i18n, JAKARTA);

    private static AuditEntry entry(String at, String actor, String action, String subject) {
        return new AuditEntry(Instant.parse(at), actor, "10.1.2.3", action, subject, null);
    }

    @Test
    void theFirstPageShowsTimesOnTheDesksClockNewestFirst() {
        api.pages.add(
                new AuditPage(
                        List.of(
                                entry("2026-12-07T03:15:00Z", "admin", "auth.sign_in", "staff:1"),
                                entry(
                                        "2026-12-06T23:59:30Z",
                                        "agent1",
                                        "session.opened",
                                        "session:9")),
                        null));

        audit.search();

        assertThat(audit.lines())
                .extracting(AuditLine::time, AuditLine::actor, AuditLine::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "2026-12-07 10:15:00", "admin", "auth.sign_in"),
                        org.assertj.core.groups.Tuple.tuple(
                                "2026-12-07 06:59:30", "agent1", "session.opened"));
        assertThat(audit.lines().get(0).address()).isEqualTo("10.1.2.3");
        assertThat(audit.lines().get(0).subject()).isEqualTo("staff:1");
        assertThat(audit.moreAvailableProperty().get()).isFalse();
        assertThat(audit.statusProperty().get()).isEqualTo("2 entri.");
    }

    @Test
    void theFiltersGoToTheServerAndTheDaysAreWholeDaysOnTheDesksClock() {
        api.pages.add(new AuditPage(List.of(), null));
        audit.actorProperty().set(" admin ");
        audit.actionProperty().set("privacy.erase");
        audit.fromProperty().set(LocalDate.of(2026, 12, 1));
        audit.toProperty().set(LocalDate.of(2026, 12, 7));

        audit.search();

        AuditFilter sent = api.asked.get(0);
        assertThat(sent.actor()).isEqualTo(" admin ");
        assertThat(sent.action()).isEqualTo("privacy.erase");
        // midnight in Jakarta is 17:00 UTC the day before; "to" includes the whole last day
        assertThat(sent.from()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(sent.to()).isEqualTo(Instant.parse("2026-12-07T17:00:00Z"));
        assertThat(sent.query())
                .isEqualTo(
                        "actor=admin&action=privacy.erase&from=2026-11-30T17%3A00%3A00Z"
                                + "&to=2026-12-07T17%3A00%3A00Z");
        assertThat(audit.statusProperty().get()).isEqualTo("Tidak ada entri yang cocok.");
    }

    @Test
    void moreAppendsTheOlderPageWithTheFilterOfTheListOnScreen() {
        api.pages.add(
                new AuditPage(
                        List.of(entry("2026-12-07T03:00:00Z", "admin", "audit.read", null)), "41"));
        api.pages.add(
                new AuditPage(
                        List.of(entry("2026-12-06T03:00:00Z", "admin", "audit.read", null)), null));
        audit.actorProperty().set("admin");
        audit.search();
        assertThat(audit.moreAvailableProperty().get()).isTrue();
        assertThat(audit.statusProperty().get())
                .isEqualTo("1 entri ditampilkan; masih ada yang lebih lama.");

        audit.actorProperty().set("agent1"); // typed, not yet shown
        audit.more();

        assertThat(api.cursors).containsExactly(null, "41");
        assertThat(api.asked.get(1).actor()).isEqualTo("admin");
        assertThat(audit.lines()).hasSize(2);
        assertThat(audit.lines().get(1).time()).startsWith("2026-12-06");
        assertThat(audit.moreAvailableProperty().get()).isFalse();
    }

    @Test
    void aRangeEndingBeforeItStartsIsNotAskedFor() {
        audit.fromProperty().set(LocalDate.of(2026, 12, 7));
        audit.toProperty().set(LocalDate.of(2026, 12, 1));

        audit.search();

        assertThat(audit.filterProblem().get())
                .isEqualTo("Tanggal awal harus sebelum atau sama dengan tanggal akhir.");
        assertThat(api.asked).isEmpty();
    }

    @Test
    void aFilterTheServerRefusesIsNamedAndTheListStays() {
        api.pages.add(
                new AuditPage(
                        List.of(entry("2026-12-07T03:00:00Z", "admin", "auth.sign_in", null)),
                        null));
        audit.search();
        api.refusal =
                new ApiException(
                        400,
                        "validation_failed",
                        "invalid",
                        Map.of("action", "must be at most 40 characters"));

        audit.actionProperty().set("x".repeat(41));
        audit.search();

        assertThat(audit.statusProperty().get())
                .isEqualTo("Server menolak filter action: must be at most 40 characters");
        assertThat(audit.lines()).hasSize(1);
        assertThat(audit.loadingProperty().get()).isFalse();
    }

    @Test
    void aNonAdminRefusalSaysWhatTheServerSaid() {
        api.refusal = new ApiException(403, "forbidden", "Only an admin may read the audit trail.");

        audit.search();

        assertThat(audit.statusProperty().get())
                .isEqualTo(
                        "Jejak audit tidak dapat dimuat: Only an admin may read the audit trail.");
    }

    @Test
    void theExportSavesTheServersCsvWithTheFilters(@TempDir Path folder) throws Exception {
        api.csv =
                "at,actor,address,action,subject,detail\r\n"
                        + "2026-12-07T03:00:00Z,admin,10.1.2.3,privacy.erase,visitor:7,\r\n";
        audit.actionProperty().set("privacy.erase");
        audit.toProperty().set(LocalDate.of(2026, 12, 7));
        assertThat(audit.exportFileName()).isEqualTo("audit-2026-12-07.csv");
        Path target = folder.resolve(audit.exportFileName());

        audit.exportTo(target);

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(api.csv);
        assertThat(api.asked.get(0).action()).isEqualTo("privacy.erase");
        assertThat(audit.exportStatusProperty().get()).isEqualTo("Tersimpan: audit-2026-12-07.csv");
        assertThat(audit.exportingProperty().get()).isFalse();
    }

    @Test
    void aFileThatCannotBeWrittenIsSaid(@TempDir Path folder) {
        Path target = folder.resolve("no-such-folder").resolve("audit.csv");

        audit.exportTo(target);

        assertThat(audit.exportStatusProperty().get())
                .isEqualTo("File tidak dapat ditulis: " + target);
    }
}
