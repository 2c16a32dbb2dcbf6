package id.oss.livechat.server.common;

/** Small helpers for the free text people type. */
public final class Texts {
    private Texts() {}

    /** Trims, and turns an empty string into null so "no value" has one spelling. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max);
    }
}
