package id.oss.livechat.desktop.queue;

import id.oss.livechat.desktop.util.Durations;
import id.oss.livechat.model.Priority;
import id.oss.livechat.model.staff.StaffSession;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One waiting visitor in the queue list, with a waiting time that ticks. */
public final class QueueItem {
    private final StaffSession session;
    private final ReadOnlyStringWrapper waitingTime = new ReadOnlyStringWrapper();

    QueueItem(StaffSession session, Instant now) {
        this.session = session;
        tick(now);
    }

    public StaffSession session() {
        return session;
    }

    public String topic() {
        return session.topic() == null ? "" : session.topic();
    }

    public String contactName() {
        return session.contact() == null || session.contact().contactName() == null
                ? ""
                : session.contact().contactName();
    }

    public String department() {
        return session.department() == null ? "" : session.department().name();
    }

    public Priority priority() {
        return session.priority() == null ? Priority.NORMAL : session.priority();
    }

    /**
     * A left message: the visitor wrote and then went away; the reply reaches them by mail and when
     * they come back.
     */
    public boolean leftMessage() {
        return session.leftMessage();
    }

    /** A visitor logged in to OSS, whose identity the portal proved. */
    public boolean verified() {
        return session.verified();
    }

    /**
     * "3:07": since the visitor joined the queue (or started, if the server gave no queue time).
     */
    public ReadOnlyStringProperty waitingTimeProperty() {
        return waitingTime.getReadOnlyProperty();
    }

    void tick(Instant now) {
        Instant since = session.queuedAt() != null ? session.queuedAt() : session.startedAt();
        waitingTime.set(since == null ? "" : Durations.clock(Duration.between(since, now)));
    }
}
