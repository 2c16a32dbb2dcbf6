package id.oss.livechat.server.session;

import id.oss.livechat.server.common.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a history page ends: the (started_at, id) of its last session, opaque to clients. Keyset
 * pagination: a page stays right while new sessions arrive, unlike an offset.
 */
public record HistoryCursor(Instant startedAt, UUID sessionId) {

    public String encode() {
        String raw = startedAt.getEpochSecond() + "." + startedAt.getNano() + "." + sessionId;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static HistoryCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\.", 3);
            return new HistoryCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw Problem.invalidField("cursor", "is not a cursor this server gave out");
        }
    }
}
