package id.oss.livechat.server.search;

import id.oss.livechat.model.search.HitField;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * A chat a search found, before it is described: where it matched best ({@code field}, and for a
 * message its {@code seq}) and how well ({@code rank}).
 */
public record Candidate(UUID sessionId, Instant startedAt, HitField field, Long seq, double rank) {

    /** Most relevant first; among equals, the newest chat. */
    public static final Comparator<Candidate> RANKING =
            Comparator.comparingDouble(Candidate::rank)
                    .reversed()
                    .thenComparing(Candidate::startedAt, Comparator.reverseOrder())
                    .thenComparing(Candidate::sessionId, Comparator.reverseOrder());

    /** Newest first, as windows are cut. */
    public static final Comparator<Candidate> RECENCY =
            Comparator.comparing(Candidate::startedAt, Comparator.reverseOrder())
                    .thenComparing(Candidate::sessionId, Comparator.reverseOrder());
}
