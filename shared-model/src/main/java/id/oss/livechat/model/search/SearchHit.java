package id.oss.livechat.model.search;

import id.oss.livechat.model.SenderType;
import java.time.Instant;
import java.util.List;

/**
 * Where a chat matched best: a message ({@code seq}, who wrote it, when, whether it is a staff-only
 * note), its topic or its contact. {@code snippet} is the matching text in parts: the words that
 * matched have {@code match} true (shown bold); the text is never HTML.
 */
public record SearchHit(
        HitField field,
        Long seq,
        SenderType senderType,
        boolean internal,
        Instant sentAt,
        List<SnippetPart> snippet) {}
