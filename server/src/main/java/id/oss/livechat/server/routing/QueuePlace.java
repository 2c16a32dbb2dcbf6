package id.oss.livechat.server.routing;

/**
 * Where a waiting session stands: its 1-based position in its department's queue and an expected
 * wait, null when no agent of the department is online (nobody can promise a time).
 */
public record QueuePlace(int position, Long expectedWaitSeconds, int agentsOnline) {}
