package id.oss.livechat.desktop.privacy;

import java.util.Locale;

/** The keys {@code POST /api/privacy/erase} finds a visitor by; the body names exactly one. */
public enum SubjectKind {
    EMAIL,
    PHONE,
    OSS_USER_ID,
    BROWSER_UUID;

    /**
     * The body's field: {@code email}, {@code phone}, {@code oss_user_id}, {@code browser_uuid}.
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The text key of its name on screen. */
    public String textKey() {
        return "erase.kind." + wire();
    }
}
