package id.oss.livechat.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CSV as RFC 4180 writes it, with formulas defused (OWASP's CSV injection). */
class CsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndLinesEndInCrLf() {
        assertThat(Csv.line(Arrays.asList("a", "b,c", "say \"hi\"", "two\nlines", null, 42, 0.25)))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",,42,0.25\r\n");
    }

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaIsKeptAsText() {
        assertThat(Csv.line(Arrays.asList("=1+1", "+62812", "-2", "@SUM(A1)", "\tx", "a=b")))
                .isEqualTo("'=1+1,'+62812,'-2,'@SUM(A1),'\tx,a=b\r\n");
        assertThat(Csv.line(Arrays.asList("=HYPERLINK(\"http://x\",\"klik\")")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"\r\n");
    }

    @Test
    void unicodeTextPassesAsItIs() {
        assertThat(Csv.line(Arrays.asList("Perizinan · Jawa", "Ñusantara ✓")))
                .isEqualTo("Perizinan · Jawa,Ñusantara ✓\r\n");
    }

    @Test
    void aDownloadsFileNameNeverCarriesAnythingButSafeCharacters() {
        assertThat(Csv.attachment("analytics-day-2026-01-01-2026-01-07.csv"))
                .isEqualTo("attachment; filename=\"analytics-day-2026-01-01-2026-01-07.csv\"");
        assertThat(Csv.attachment("a\"b;c.csv")).isEqualTo("attachment; filename=\"a_b_c.csv\"");
    }
}
