package id.oss.livechat.desktop.chat;

import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.ChatMessage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One session's messages in sequence order, then our pending ones. The server numbers a session's
 * messages 1, 2, 3 … without gaps, so the sequence number alone de-duplicates replays and echoes,
 * and the highest number seen without a hole is where a resume starts.
 */
public final class Transcript {
    private final ObservableList<MessageItem> items = FXCollections.observableArrayList();
    private final ObservableList<MessageItem> readOnlyItems =
            FXCollections.unmodifiableObservableList(items);
    private final Set<Long> storedSeqs = new HashSet<>();
    private long contiguousSeq;
    private long maxSeq;
    private long visitorReadUpTo;

    public ObservableList<MessageItem> items() {
        return readOnlyItems;
    }

    /**
     * Adds a stored message unless it is already there; our own pending copy (same {@code
     * client_msg_id}) is replaced by it. True when it was new.
     */
    public boolean addStored(ChatMessage message) {
        if (message.seq() <= 0 || storedSeqs.contains(message.seq())) {
            return false;
        }
        int pendingIndex = indexOfPending(message.clientMsgId());
        if (pendingIndex >= 0) {
            items.remove(pendingIndex);
        }
        insertStored(MessageItem.stored(message, visitorReadUpTo));
        return true;
    }

    /** A message we typed, shown at once and sent when the connection allows. */
    public MessageItem addPending(String clientMsgId, String senderName, String text, Instant now) {
        MessageItem item =
                new MessageItem(
                        0,
                        clientMsgId,
                        SenderType.AGENT,
                        senderName,
                        text,
                        now,
                        Delivery.PENDING,
                        false);
        items.add(item);
        return item;
    }

    /** The server stored our message as {@code seq}. False when no such pending message. */
    public boolean acknowledge(String clientMsgId, long seq, Instant sentAt) {
        int index = indexOfPending(clientMsgId);
        if (index < 0) {
            return false;
        }
        MessageItem pending = items.remove(index);
        if (!storedSeqs.contains(seq)) {
            insertStored(pending.storedAs(seq, sentAt, visitorReadUpTo));
        }
        return true;
    }

    /** The visitor has read our messages up to {@code seq}. */
    public void markReadByVisitor(long seq) {
        if (seq <= visitorReadUpTo) {
            return;
        }
        visitorReadUpTo = seq;
        for (int i = 0; i < items.size(); i++) {
            MessageItem item = items.get(i);
            if (item.delivery() == Delivery.SENT && item.seq() <= seq) {
                items.set(i, item.withDelivery(Delivery.READ));
            }
        }
    }

    /** Our messages the server has not confirmed yet, oldest first: to send (again). */
    public List<MessageItem> pending() {
        return items.stream().filter(MessageItem::pending).toList();
    }

    /** Every message 1…this one is here: a resume asks for what comes after it. */
    public long lastSeq() {
        return contiguousSeq;
    }

    /** True when a later message arrived before an earlier one. */
    public boolean hasGap() {
        return maxSeq > contiguousSeq;
    }

    private void insertStored(MessageItem item) {
        // stored messages sorted by seq, pending ones after them; search from the end, as new
        // messages nearly always belong there
        int at = items.size();
        while (at > 0) {
            MessageItem before = items.get(at - 1);
            if (!before.pending() && before.seq() < item.seq()) {
                break;
            }
            at--;
        }
        items.add(at, item);
        storedSeqs.add(item.seq());
        maxSeq = Math.max(maxSeq, item.seq());
        while (storedSeqs.contains(contiguousSeq + 1)) {
            contiguousSeq++;
        }
    }

    private int indexOfPending(String clientMsgId) {
        if (clientMsgId == null) {
            return -1;
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            MessageItem item = items.get(i);
            if (item.pending() && clientMsgId.equals(item.clientMsgId())) {
                return i;
            }
        }
        return -1;
    }
}
