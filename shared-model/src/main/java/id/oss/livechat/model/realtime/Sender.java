package id.oss.livechat.model.realtime;

import id.oss.livechat.model.SenderType;
import java.util.UUID;

/** Who wrote a message or is typing: the visitor, an agent, or the system. */
public record Sender(SenderType type, UUID id, String name) {}
