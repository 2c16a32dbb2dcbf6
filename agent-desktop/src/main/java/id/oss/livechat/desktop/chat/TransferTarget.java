package id.oss.livechat.desktop.chat;

import java.util.UUID;

/** Where a chat can go: an agent, or a department's queue. Exactly one id is set. */
public record TransferTarget(String label, UUID agentId, UUID departmentId) {
    @Override
    public String toString() {
        return label;
    }
}
