package id.oss.livechat.desktop.chat;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.AttachmentInfo;
import id.oss.livechat.model.realtime.ChatMessage;
import java.time.Instant;

/**
 * One line of a transcript as the chat view shows it. {@code seq} is 0 while the message is pending
 * (not yet stored by the server). {@code internal}: a staff-only note (a transfer note, "the agent
 * signed out") that the visitor never sees. {@code attachment}: the file the message carries (its
 * text is the file's name), or null.
 */
public record MessageItem(
        long seq,
        String clientMsgId,
        SenderType senderType,
        String senderName,
        String text,
        Instant sentAt,
        Delivery delivery,
        boolean internal,
        AttachmentInfo attachment) {

    /** A message without a file. */
    public MessageItem(
            long seq,
            String clientMsgId,
            SenderType senderType,
            String senderName,
            String text,
            Instant sentAt,
            Delivery delivery,
            boolean internal) {
        this(seq, clientMsgId, senderType, senderName, text, sentAt, delivery, internal, null);
    }

    static MessageItem stored(ChatMessage message, long visitorReadUpTo) {
        SenderType type = message.sender() == null ? SenderType.SYSTEM : message.sender().type();
        String name = message.sender() == null ? "" : message.sender().name();
        Delivery delivery =
                type != SenderType.AGENT
                        ? Delivery.RECEIVED
                        : message.seq() <= visitorReadUpTo ? Delivery.READ : Delivery.SENT;
        return new MessageItem(
                message.seq(),
                message.clientMsgId(),
                type,
                name,
                message.text(),
                message.sentAt(),
                delivery,
                Boolean.TRUE.equals(message.internal()),
                message.attachment());
    }

    /** Written by staff: shown on the right, with delivery marks. */
    public boolean fromStaff() {
        return senderType == SenderType.AGENT;
    }

    public boolean pending() {
        return delivery == Delivery.PENDING;
    }

    MessageItem withDelivery(Delivery next) {
        return new MessageItem(
                seq, clientMsgId, senderType, senderName, text, sentAt, next, internal, attachment);
    }

    MessageItem storedAs(long storedSeq, Instant storedAt, long visitorReadUpTo) {
        return new MessageItem(
                storedSeq,
                clientMsgId,
                senderType,
                senderName,
                text,
                storedAt == null ? sentAt : storedAt,
                storedSeq <= visitorReadUpTo ? Delivery.READ : Delivery.SENT,
                internal,
                attachment);
    }
}
