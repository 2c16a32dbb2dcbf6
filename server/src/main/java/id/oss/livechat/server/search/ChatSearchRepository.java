package id.oss.livechat.server.search;

import id.oss.livechat.model.search.SearchResult;
import java.util.List;
import reactor.core.publisher.Mono;

/** Full-text search over messages, topics and contacts, in PostgreSQL. */
public interface ChatSearchRepository {

    /**
     * The newest {@code size} chats in {@code scope}, before the cursor's edge, that match every
     * word of {@code text} in a message, their topic or their contact, newest first.
     */
    Mono<List<Candidate>> window(String text, SearchScope scope, SearchCursor edge, int size);

    /** The chats of {@code page}, in that order, with a highlighted snippet of each best match. */
    Mono<List<SearchResult>> describe(String text, List<Candidate> page);
}
