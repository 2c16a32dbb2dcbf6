package id.oss.livechat.model.visitor;

import java.util.UUID;

/** The agent serving a session, as a visitor may see it: a name (the id is for staff clients). */
public record AgentRef(UUID id, String name) {
    /** Visitors see the agent's name only. */
    public AgentRef nameOnly() {
        return new AgentRef(null, name);
    }
}
