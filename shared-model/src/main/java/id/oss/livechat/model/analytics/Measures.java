package id.oss.livechat.model.analytics;

/**
 * The help desk's measures over a set of sessions (docs/API.md defines each). Averages are null
 * when nothing was there to average.
 *
 * <ul>
 *   <li>{@code sessions}: started in the period;
 *   <li>{@code assigned}: of those, reached an agent at some time; {@code abandoned}: ended while
 *       waiting in a queue (never taken, or back in a queue after a transfer or requeue), left
 *       messages excepted;
 *   <li>{@code abandonment_rate}: abandoned / the sessions that reached an agent or were abandoned;
 *   <li>{@code left_messages}: sessions whose visitor went away after writing while waiting;
 *   <li>{@code avg_wait_seconds}: start to first assignment, over assigned sessions that are not
 *       left messages;
 *   <li>{@code avg_first_response_seconds}: first assignment to the first agent message;
 *   <li>{@code avg_duration_seconds}: start to end, over closed sessions;
 *   <li>{@code agents}: distinct agents who served them; {@code chats_per_agent}: assigned /
 *       agents;
 *   <li>{@code rated} and {@code avg_rating}: visitors' ratings, 1 to 5.
 * </ul>
 */
public record Measures(
        long sessions,
        long assigned,
        long abandoned,
        Double abandonmentRate,
        long leftMessages,
        Double avgWaitSeconds,
        Double avgFirstResponseSeconds,
        Double avgDurationSeconds,
        long agents,
        Double chatsPerAgent,
        long rated,
        Double avgRating) {}
