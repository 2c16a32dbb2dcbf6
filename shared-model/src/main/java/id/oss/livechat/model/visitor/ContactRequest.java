package id.oss.livechat.model.visitor;

import java.util.UUID;

/** {@code POST /api/oss-chat/contact}: who the visitor is, for this session. */
public record ContactRequest(
        UUID sessionId,
        String contactName,
        String contactEmail,
        String contactPhone,
        String position,
        String companyName,
        String privacyConsent) {

    /** Without {@code privacy_consent} (the notice version agreed to; see StartChatRequest). */
    public ContactRequest(
            UUID sessionId,
            String contactName,
            String contactEmail,
            String contactPhone,
            String position,
            String companyName) {
        this(sessionId, contactName, contactEmail, contactPhone, position, companyName, null);
    }
}
