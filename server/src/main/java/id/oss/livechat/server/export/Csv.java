package id.oss.livechat.server.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it: fields separated by commas, lines ended by CRLF, a field with a comma,
 * a quote or a line break in double quotes (quotes doubled). A text that a spreadsheet would run as
 * a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return:
 * CSV injection) gets a leading {@code '}, so it shows as the text it is.
 */
public final class Csv {
    public static final String LINE_END = "\r\n";
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private Csv() {}

    /**
     * The {@code Content-Disposition} of a CSV download; {@code filename} is ours (letters, digits,
     * dashes and dots), never a user's text.
     */
    public static String attachment(String filename) {
        return "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
    }

    /** One line of the given cells; null is an empty cell. */
    public static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + LINE_END;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : defused(value.toString());
        boolean quote =
                text.indexOf(',') >= 0
                        || text.indexOf('"') >= 0
                        || text.indexOf('\n') >= 0
                        || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Texts that would start a formula are read as text. Numbers pass as they are. */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '='
                        || first == '+'
                        || first == '-'
                        || first == '@'
                        || first == '\t'
                        || first == '\r'
                ? "'" + text
                : text;
    }
}
