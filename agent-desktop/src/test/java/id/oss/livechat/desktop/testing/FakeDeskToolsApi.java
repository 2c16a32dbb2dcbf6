package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.connection.ApiException;
import id.oss.livechat.desktop.tools.DeskToolsApi;
import id.oss.livechat.model.canned.CannedResponse;
import id.oss.livechat.model.canned.CannedResponseRequest;
import id.oss.livechat.model.search.SearchPage;
import id.oss.livechat.model.tagging.CloseReason;
import id.oss.livechat.model.tagging.SessionTags;
import id.oss.livechat.model.tagging.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** The desk's tools in memory: replies, tags and close reasons as a test sets them up. */
public final class FakeDeskToolsApi implements DeskToolsApi {
    public final List<CannedResponse> replies = new CopyOnWriteArrayList<>();
    public final List<Tag> tags = new CopyOnWriteArrayList<>();
    public final List<CloseReason> closeReasons = new CopyOnWriteArrayList<>();
    public final Map<UUID, List<Tag>> sessionTags = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();

    /** Answers searches: (query, cursor) → page; none by default. */
    public volatile BiFunction<String, String, SearchPage> searches =
            (q, cursor) -> new SearchPage(List.of(), false, null);

    @Override
    public List<CannedResponse> cannedResponses() {
        return List.copyOf(replies);
    }

    @Override
    public CannedResponse createCannedResponse(CannedResponseRequest request) {
        calls.add("create /" + request.shortcut());
        if (replies.stream().anyMatch(r -> r.shortcut().equals(request.shortcut()))) {
            throw new ApiException(409, "shortcut_taken", "taken");
        }
        CannedResponse created =
                new CannedResponse(
                        UUID.randomUUID(),
                        request.shortcut(),
                        request.text(),
                        request.language(),
                        request.departmentId(),
                        request.departmentId() == null ? null : "Departemen",
                        request.departmentId() == null,
                        Instant.now());
        replies.add(created);
        return created;
    }

    @Override
    public CannedResponse updateCannedResponse(UUID id, CannedResponseRequest request) {
        calls.add("update /" + request.shortcut());
        CannedResponse old =
                replies.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        CannedResponse updated =
                new CannedResponse(
                        id,
                        request.shortcut(),
                        request.text(),
                        request.language(),
                        old.departmentId(),
                        old.departmentName(),
                        old.personal(),
                        Instant.now());
        replies.replaceAll(r -> r.id().equals(id) ? updated : r);
        return updated;
    }

    @Override
    public void deleteCannedResponse(UUID id) {
        calls.add("delete " + id);
        replies.removeIf(r -> r.id().equals(id));
    }

    @Override
    public List<Tag> tags() {
        return List.copyOf(tags);
    }

    @Override
    public List<CloseReason> closeReasons() {
        return List.copyOf(closeReasons);
    }

    @Override
    public SessionTags sessionTags(UUID sessionId) {
        return new SessionTags(sessionId, sessionTags.getOrDefault(sessionId, List.of()));
    }

    @Override
    public SessionTags setSessionTags(UUID sessionId, List<String> codes) {
        calls.add("tags " + sessionId + " " + codes);
        List<Tag> chosen = new ArrayList<>();
        for (String code : codes) {
            tags.stream().filter(t -> t.code().equals(code)).forEach(chosen::add);
        }
        sessionTags.put(sessionId, chosen);
        return new SessionTags(sessionId, chosen);
    }

    @Override
    public SearchPage search(String query, String cursor) {
        calls.add("search " + query + (cursor == null ? "" : " @" + cursor));
        return searches.apply(query, cursor);
    }
}
