package id.oss.livechat.model.staff;

import id.oss.livechat.model.AgentStatus;

/** {@code PUT /api/agents/me/status}: {@code {"status": "online"}}. */
public record StatusRequest(AgentStatus status) {}
