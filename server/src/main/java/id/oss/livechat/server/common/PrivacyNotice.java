package id.oss.livechat.server.common;

/**
 * The privacy notice the widget shows before its contact form ({@code PRIVACY_NOTICE_ID}, {@code
 * PRIVACY_NOTICE_EN}, a link to the portal's policy), and its version. While one is configured a
 * visitor starts a chat only by agreeing to it ({@code privacy_consent} = the version), and the
 * time and version of that agreement are stored with the contact.
 */
public record PrivacyNotice(String version, String textId, String textEn, String policyUrl) {
    public static final PrivacyNotice NONE = new PrivacyNotice("", "", "", "");

    public boolean isShown() {
        return Texts.clean(textId) != null || Texts.clean(textEn) != null;
    }

    /** Adds a refusal naming {@code privacy_consent} unless the visitor agreed to this notice. */
    public void checkConsent(String consent, FieldCheck check) {
        if (!isShown()) {
            return;
        }
        String given = Texts.clean(consent);
        if (given == null) {
            check.fail(
                    "privacy_consent",
                    "is required: the visitor must agree to the privacy notice (version "
                            + version
                            + ")");
        } else {
            check.rule(
                    given.equals(version),
                    "privacy_consent",
                    "must be the version of the notice shown (" + version + ")");
        }
    }
}
