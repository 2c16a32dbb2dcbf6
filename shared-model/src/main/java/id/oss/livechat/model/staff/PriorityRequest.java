package id.oss.livechat.model.staff;

import id.oss.livechat.model.Priority;

/**
 * {@code PUT /api/chat/session/:id/priority}: staff set a chat's place in its queue ({@code low},
 * {@code normal}, {@code high}, {@code urgent}).
 */
public record PriorityRequest(Priority priority) {}
