package id.oss.livechat.desktop.i18n;

import java.util.Locale;

/** The languages the desktop speaks, each named in itself for the language menu. */
public enum AppLanguage {
    INDONESIAN(Locale.forLanguageTag("id"), "Bahasa Indonesia"),
    ENGLISH(Locale.ENGLISH, "English");

    private final Locale locale;
    private final String nativeName;

    AppLanguage(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    public String tag() {
        return locale.getLanguage();
    }

    /** The language for a stored tag; Indonesian when unknown. */
    public static AppLanguage fromTag(String tag) {
        for (AppLanguage language : values()) {
            if (language.tag().equals(tag)) {
                return language;
            }
        }
        return INDONESIAN;
    }
}
