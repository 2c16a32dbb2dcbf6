package id.oss.livechat.server.session;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.Priority;
import java.util.UUID;

/** What is stored when a visitor starts a chat. */
public record NewSession(
        UUID chatUserId,
        UUID departmentId,
        String topic,
        Priority priority,
        Language language,
        byte[] visitorTokenHash) {}
