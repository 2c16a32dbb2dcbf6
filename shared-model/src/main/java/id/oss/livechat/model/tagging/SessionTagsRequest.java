package id.oss.livechat.model.tagging;

import java.util.List;

/** {@code PUT /api/chat/session/:id/tags}: the codes of every tag the chat should have now. */
public record SessionTagsRequest(List<String> tags) {}
