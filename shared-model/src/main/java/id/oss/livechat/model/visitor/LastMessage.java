package id.oss.livechat.model.visitor;

import id.oss.livechat.model.SenderType;
import java.time.Instant;

/** The newest message of a session, shown in history lists. */
public record LastMessage(
        long seq, SenderType senderType, String senderName, String text, Instant sentAt) {}
