package id.oss.livechat.desktop.chat;

/** How far one message got, as the small mark under it shows. */
public enum Delivery {
    /** Ours, not yet stored by the server (typed offline, or waiting for its ack). */
    PENDING,
    /** Ours, stored with a sequence number. */
    SENT,
    /** Ours, and the visitor has read it. */
    READ,
    /** From the visitor or the system. */
    RECEIVED
}
