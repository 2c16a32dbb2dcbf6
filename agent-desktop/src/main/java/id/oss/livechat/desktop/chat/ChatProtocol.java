package id.oss.livechat.desktop.chat;

import id.oss.livechat.desktop.connection.LiveLink;
import id.oss.livechat.model.realtime.ClientFrame;

/**
 * What one open chat says on the socket: resume from its last seq, (re)send its messages, read
 * receipts, typing. Each method is safe while disconnected: the frame is not sent, and the caller's
 * state says what to repeat once the socket is back.
 */
final class ChatProtocol {
    private final LiveLink link;

    ChatProtocol(LiveLink link) {
        this.link = link;
    }

    /** Asks for every message after the last one held without a hole. */
    void resume(ChatViewModel chat) {
        if (chat.closedProperty().get()) {
            return;
        }
        if (link.send(new ClientFrame.Resume(chat.sessionId(), chat.transcript().lastSeq()))) {
            chat.setResuming(true);
        }
    }

    /** Sends a message; false while disconnected (it then stays pending). */
    boolean send(ChatViewModel chat, MessageItem message) {
        return link.send(
                new ClientFrame.MessageSend(
                        chat.sessionId(), message.clientMsgId(), message.text()));
    }

    /**
     * Sends every pending message again with its original {@code client_msg_id}: the server stores
     * each once and acks a resend with the seq it already has.
     */
    void resendPending(ChatViewModel chat) {
        chat.transcript().pending().forEach(message -> send(chat, message));
    }

    /** The agent has seen the chat: unread count to zero, and a receipt for the visitor. */
    void markRead(ChatViewModel chat) {
        chat.clearUnread();
        long upTo = chat.transcript().lastSeq();
        if (upTo > chat.readSentUpTo() && link.send(new ClientFrame.Read(chat.sessionId(), upTo))) {
            chat.readSent(upTo);
        }
    }

    /** Tells the visitor when we start and stop typing; not every keystroke. */
    void watchTyping(ChatViewModel chat) {
        chat.draftProperty()
                .addListener(
                        (obs, old, now) -> {
                            boolean was = old != null && !old.isBlank();
                            boolean is = now != null && !now.isBlank();
                            if (was != is && !chat.closedProperty().get()) {
                                link.send(new ClientFrame.Typing(chat.sessionId(), is));
                            }
                        });
    }
}
