package id.oss.livechat.server.tagging;

import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.session.SessionOverview;
import id.oss.livechat.server.session.StaffSessions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Tags on chats. Whoever may open a chat reads its tags; an agent sets them on the chats it serves
 * or served, a supervisor or admin on any. Only active tags can be given; a retired tag a chat has
 * already may stay.
 */
public class ChatTagging {
    public static final int MAX_TAGS = 20;

    private final StaffSessions sessions;
    private final LabelRepository labels;
    private final SessionTagRepository sessionTags;

    public ChatTagging(
            StaffSessions sessions, LabelRepository labels, SessionTagRepository sessionTags) {
        this.sessions = sessions;
        this.labels = labels;
        this.sessionTags = sessionTags;
    }

    public Mono<List<Label>> tagsOf(Staff who, UUID sessionId) {
        return sessions.get(who, sessionId).then(sessionTags.tagsOf(sessionId).collectList());
    }

    public Mono<List<Label>> setTags(Staff who, UUID sessionId, List<String> requested) {
        FieldCheck.of()
                .requiredPresent("tags", requested)
                .rule(
                        requested == null || requested.size() <= MAX_TAGS,
                        "tags",
                        "a chat has at most " + MAX_TAGS + " tags")
                .rule(
                        requested == null || requested.stream().allMatch(c -> c != null),
                        "tags",
                        "must be tag codes")
                .orThrow();
        Set<String> codes = new LinkedHashSet<>();
        requested.forEach(code -> codes.add(code.strip().toLowerCase(Locale.ROOT)));
        return sessions.get(who, sessionId)
                .flatMap(session -> mayTag(who, session))
                .then(sessionTags.tagsOf(sessionId).map(Label::code).collectList())
                .flatMap(current -> checkCodes(codes, current))
                .then(
                        Mono.defer(
                                () ->
                                        sessionTags.replace(
                                                sessionId, new ArrayList<>(codes), who.id())))
                .then(sessionTags.tagsOf(sessionId).collectList());
    }

    private static Mono<Void> mayTag(Staff who, SessionOverview session) {
        return who.overseesAllChats() || session.servedBy(who.id())
                ? Mono.empty()
                : Mono.error(
                        Problem.forbidden(
                                "Agents tag the chats they serve; a supervisor tags any chat."));
    }

    /** Every code must be an active tag, or one the chat has already (kept though retired). */
    private Mono<Void> checkCodes(Set<String> codes, List<String> current) {
        return labels.list(LabelKind.TAG, true)
                .collectList()
                .flatMap(
                        all -> {
                            List<String> unknown = new ArrayList<>();
                            for (String code : codes) {
                                boolean offered =
                                        all.stream()
                                                .anyMatch(
                                                        tag ->
                                                                tag.code().equals(code)
                                                                        && (tag.active()
                                                                                || current.contains(
                                                                                        code)));
                                if (!offered) {
                                    unknown.add(code);
                                }
                            }
                            return unknown.isEmpty()
                                    ? Mono.<Void>empty()
                                    : Mono.error(
                                            Problem.invalidField(
                                                    "tags",
                                                    "no such active tag: "
                                                            + String.join(", ", unknown)));
                        });
    }
}
