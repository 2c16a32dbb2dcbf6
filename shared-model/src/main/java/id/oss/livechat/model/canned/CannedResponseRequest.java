package id.oss.livechat.model.canned;

import id.oss.livechat.model.Language;
import java.util.UUID;

/**
 * {@code POST /api/canned-responses} and {@code PUT /api/canned-responses/:id}: {@code shortcut}
 * (lower-case letters, digits, {@code -} and {@code _}, up to 32), {@code text} (1 to 4,000
 * characters), {@code language} ({@code id} by default) and, on creation only, {@code
 * department_id} for a department's shared reply (absent: a personal one).
 */
public record CannedResponseRequest(
        String shortcut, String text, Language language, UUID departmentId) {}
