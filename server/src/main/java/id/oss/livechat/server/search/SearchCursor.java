package id.oss.livechat.server.search;

import id.oss.livechat.server.common.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of a search starts. A search ranks the newest {@link ChatSearch#WINDOW}
 * matching chats at a time: a cursor names the window by its edge (the newest chat of it,
 * inclusive, or the chat after which the next older window starts, exclusive) and the position in
 * the window's ranking. New chats arriving meanwhile do not shift a page already handed out.
 */
public record SearchCursor(Instant edgeStartedAt, UUID edgeId, boolean inclusive, int offset) {
    private static final String VERSION = "s1";

    /** The first page: no edge, from the newest chat. */
    public static final SearchCursor FIRST = new SearchCursor(null, null, false, 0);

    public boolean first() {
        return edgeId == null;
    }

    public String encode() {
        String text =
                String.join(
                        "|",
                        VERSION,
                        inclusive ? "le" : "lt",
                        String.valueOf(edgeStartedAt.getEpochSecond()),
                        String.valueOf(edgeStartedAt.getNano()),
                        edgeId.toString(),
                        String.valueOf(offset));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this server handed out; anything else is a 400 naming {@code cursor}. */
    public static SearchCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return FIRST;
        }
        try {
            String[] parts =
                    new String(
                                    Base64.getUrlDecoder().decode(cursor.strip()),
                                    StandardCharsets.UTF_8)
                            .split("\\|");
            if (parts.length != 6 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException(cursor);
            }
            boolean inclusive =
                    switch (parts[1]) {
                        case "le" -> true;
                        case "lt" -> false;
                        default -> throw new IllegalArgumentException(parts[1]);
                    };
            Instant edge =
                    Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            int offset = Integer.parseInt(parts[5]);
            if (offset < 0 || offset >= ChatSearch.WINDOW) {
                throw new IllegalArgumentException(parts[5]);
            }
            return new SearchCursor(edge, UUID.fromString(parts[4]), inclusive, offset);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw Problem.invalidField("cursor", "is not a cursor this server gave out");
        }
    }
}
