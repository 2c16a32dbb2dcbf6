package id.oss.livechat.server.search;

import id.oss.livechat.model.search.SearchPage;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Staff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Staff search the chats they may see (an agent: its departments' chats and the ones it serves or
 * served; supervisors and admins: all) by the words of messages (staff-only notes included), topics
 * and contacts. Every word must match. The newest {@link #WINDOW} matching chats are ranked by how
 * well they match and paged through; then the next older ones, and so on.
 */
public class ChatSearch {
    public static final int MAX_QUERY = 200;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    /** How many of the newest matching chats are ranked together. */
    public static final int WINDOW = 50;

    private final ChatSearchRepository repository;
    private final StaffRepository staff;

    public ChatSearch(ChatSearchRepository repository, StaffRepository staff) {
        this.repository = repository;
        this.staff = staff;
    }

    /** A search as asked for, before validation. */
    public record Request(
            String q, UUID departmentId, Instant from, Instant to, Integer limit, String cursor) {}

    public Mono<SearchPage> search(Staff who, Request request) {
        String text = validText(request.q());
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        FieldCheck.of()
                .rule(
                        limit >= 1 && limit <= MAX_LIMIT,
                        "limit",
                        "must be between 1 and " + MAX_LIMIT)
                .rule(
                        request.from() == null
                                || request.to() == null
                                || request.from().isBefore(request.to()),
                        "from",
                        "must be before to")
                .orThrow();
        SearchCursor cursor = SearchCursor.decode(request.cursor());
        return scopeOf(who, request.departmentId(), request.from(), request.to())
                .flatMap(scope -> repository.window(text, scope, cursor, WINDOW))
                .flatMap(window -> page(text, window, cursor, limit));
    }

    /**
     * The query text, if it can be searched: not empty, at most {@link #MAX_QUERY} characters, and
     * with at least one letter or digit (punctuation alone finds nothing).
     */
    public static String validText(String q) {
        String text = q == null ? "" : q.strip();
        FieldCheck.of()
                .required("q", text, MAX_QUERY)
                .rule(
                        text.isEmpty() || text.length() > MAX_QUERY || hasWord(text),
                        "q",
                        "must contain a letter or a digit")
                .orThrow();
        return text;
    }

    private static boolean hasWord(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** What {@code who} may search: everything, or its departments' chats and its own. */
    public Mono<SearchScope> scopeOf(Staff who, UUID departmentId, Instant from, Instant to) {
        if (who.overseesAllChats()) {
            return Mono.just(new SearchScope(null, null, departmentId, from, to));
        }
        return staff.findById(who.id())
                .map(StaffAccount::departmentIds)
                .defaultIfEmpty(List.of())
                .map(mine -> new SearchScope(mine, who.id(), departmentId, from, to));
    }

    /** Ranks the window and cuts the page; says where the next one starts. */
    private Mono<SearchPage> page(
            String text, List<Candidate> window, SearchCursor cursor, int limit) {
        if (window.isEmpty()) {
            return Mono.just(new SearchPage(List.of(), false, null));
        }
        List<Candidate> ranked = new ArrayList<>(window);
        ranked.sort(Candidate.RANKING);
        int from = Math.min(cursor.offset(), ranked.size());
        int to = Math.min(from + limit, ranked.size());
        List<Candidate> page = ranked.subList(from, to);
        String next = nextCursor(window, cursor, to);
        if (page.isEmpty()) {
            return Mono.just(new SearchPage(List.of(), next != null, next));
        }
        return repository
                .describe(text, page)
                .map(results -> new SearchPage(results, next != null, next));
    }

    private static String nextCursor(List<Candidate> window, SearchCursor cursor, int shown) {
        if (shown < window.size()) {
            // more of this window: pin it to its newest chat, so new chats do not shift it
            Candidate newest = window.stream().min(Candidate.RECENCY).orElseThrow();
            return new SearchCursor(newest.startedAt(), newest.sessionId(), true, shown).encode();
        }
        if (window.size() < WINDOW) {
            return null; // the window was not full: no older chat matches
        }
        Candidate oldest = window.stream().max(Candidate.RECENCY).orElseThrow();
        return new SearchCursor(oldest.startedAt(), oldest.sessionId(), false, 0).encode();
    }
}
