package id.oss.livechat.model.staff;

import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.DepartmentRef;
import id.oss.livechat.model.visitor.LastMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * A session as staff see it: in the waiting queue, in the active list, and in the answers of
 * assign, close and transfer. {@code verified} marks a visitor logged in to OSS (its {@code
 * oss_user_id} proven by the portal); {@code unread} counts the visitor's messages after the
 * agent's last read receipt; {@code queue_position} is set while waiting.
 */
public record StaffSession(
        UUID sessionId,
        UUID chatUserId,
        SessionStatus status,
        String topic,
        Priority priority,
        DepartmentRef department,
        AgentRef agent,
        Contact contact,
        boolean verified,
        String ossUserId,
        String visitorEmail,
        Instant startedAt,
        Instant queuedAt,
        Instant assignedAt,
        Instant endedAt,
        String closeReason,
        long lastSeq,
        long unread,
        Integer queuePosition,
        LastMessage lastMessage) {}
