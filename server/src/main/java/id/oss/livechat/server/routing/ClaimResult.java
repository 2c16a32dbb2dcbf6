package id.oss.livechat.server.routing;

/** The outcome of the atomic claim of a waiting session for an agent. */
public enum ClaimResult {
    OK,
    /** The agent does not exist or is deactivated. */
    NO_AGENT,
    /** The agent already has as many active chats as allowed. */
    AGENT_FULL,
    /** Someone else took the session first, or it was closed. */
    NOT_WAITING;

    public static ClaimResult fromDatabase(String code) {
        return switch (code) {
            case "ok" -> OK;
            case "no_agent" -> NO_AGENT;
            case "agent_full" -> AGENT_FULL;
            default -> NOT_WAITING;
        };
    }
}
