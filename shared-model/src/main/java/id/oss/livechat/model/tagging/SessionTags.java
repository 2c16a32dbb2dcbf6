package id.oss.livechat.model.tagging;

import java.util.List;
import java.util.UUID;

/** The tags of one chat: {@code GET} and {@code PUT /api/chat/session/:id/tags}. */
public record SessionTags(UUID sessionId, List<Tag> tags) {}
