package id.oss.livechat.server.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who gets which waiting chat. Pure: the queue is served by priority, then age; each session goes
 * to the online agent of its department with the fewest active chats under their limit; ties go to
 * the agent idle longest. An agent who let the session go unanswered gets it back only when nobody
 * else can take it.
 */
public final class RoutingPolicy {
    private RoutingPolicy() {}

    /** An online agent who could take chats of the department, with its load. */
    public record Candidate(UUID agentId, int activeChats, int maxChats, Instant lastAssignedAt) {
        boolean hasFreeSlot() {
            return activeChats < maxChats;
        }

        Candidate withOneMore() {
            return new Candidate(agentId, activeChats + 1, maxChats, Instant.MAX);
        }
    }

    /** A session in a department's queue. {@code priorityRank}: 0 urgent … 3 low. */
    public record Waiting(
            UUID sessionId,
            UUID departmentId,
            int priorityRank,
            Instant queuedAt,
            UUID previousAgentId) {}

    public record Assignment(UUID sessionId, UUID agentId) {}

    public static final Comparator<Waiting> QUEUE_ORDER =
            Comparator.comparingInt(Waiting::priorityRank)
                    .thenComparing(Waiting::queuedAt)
                    .thenComparing(Waiting::sessionId);

    private static final Comparator<Candidate> PREFERENCE =
            Comparator.comparingInt(Candidate::activeChats)
                    .thenComparing(
                            Candidate::lastAssignedAt,
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Candidate::agentId);

    /** The agent for one session, if any has a free slot. */
    public static Optional<Candidate> choose(Waiting session, List<Candidate> candidates) {
        List<Candidate> free = candidates.stream().filter(Candidate::hasFreeSlot).toList();
        Optional<Candidate> other =
                free.stream()
                        .filter(c -> !c.agentId().equals(session.previousAgentId()))
                        .min(PREFERENCE);
        return other.isPresent() ? other : free.stream().min(PREFERENCE);
    }

    /**
     * Assignments for a department's queue, in queue order, as if each were made before the next is
     * chosen. Stops when no agent has a free slot.
     */
    public static List<Assignment> plan(List<Waiting> queue, List<Candidate> candidates) {
        Map<UUID, Candidate> loads = new HashMap<>();
        candidates.forEach(c -> loads.put(c.agentId(), c));
        List<Assignment> plan = new ArrayList<>();
        for (Waiting session : queue.stream().sorted(QUEUE_ORDER).toList()) {
            Optional<Candidate> chosen = choose(session, List.copyOf(loads.values()));
            if (chosen.isEmpty()) {
                break;
            }
            plan.add(new Assignment(session.sessionId(), chosen.get().agentId()));
            // the agent just got a chat: it is now the most recently assigned, not the longest idle
            loads.put(chosen.get().agentId(), chosen.get().withOneMore());
        }
        return plan;
    }
}
