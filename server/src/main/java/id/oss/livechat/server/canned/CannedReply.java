package id.oss.livechat.server.canned;

import id.oss.livechat.model.Language;
import java.time.Instant;
import java.util.UUID;

/**
 * A canned reply as stored: shared by a department ({@code departmentId} set) or personal ({@code
 * ownerId} set), never both.
 */
public record CannedReply(
        UUID id,
        String shortcut,
        String text,
        Language language,
        UUID departmentId,
        String departmentName,
        UUID ownerId,
        Instant updatedAt) {

    public boolean personal() {
        return ownerId != null;
    }
}
