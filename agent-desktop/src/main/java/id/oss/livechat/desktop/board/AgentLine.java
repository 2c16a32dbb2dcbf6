package id.oss.livechat.desktop.board;

import id.oss.livechat.model.AgentStatus;
import java.util.UUID;

/** One agent on the board: its status, and how many chats it serves of how many it may. */
public record AgentLine(UUID id, String name, AgentStatus status, int activeChats, int maxChats) {

    /** No room for another chat. */
    public boolean full() {
        return activeChats >= maxChats;
    }
}
