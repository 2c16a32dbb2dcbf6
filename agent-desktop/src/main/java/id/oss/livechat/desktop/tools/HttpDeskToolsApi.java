package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.connection.JsonHttp;
import id.oss.livechat.model.canned.CannedResponse;
import id.oss.livechat.model.canned.CannedResponseRequest;
import id.oss.livechat.model.search.SearchPage;
import id.oss.livechat.model.tagging.CloseReason;
import id.oss.livechat.model.tagging.SessionTags;
import id.oss.livechat.model.tagging.SessionTagsRequest;
import id.oss.livechat.model.tagging.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/** {@link DeskToolsApi} over the signed-in staff HTTP client: one line per route. */
public final class HttpDeskToolsApi implements DeskToolsApi {
    private final JsonHttp http;

    public HttpDeskToolsApi(JsonHttp http) {
        this.http = http;
    }

    @Override
    public List<CannedResponse> cannedResponses() {
        return http.get("/api/canned-responses", new TypeReference<List<CannedResponse>>() {});
    }

    @Override
    public CannedResponse createCannedResponse(CannedResponseRequest request) {
        return http.send("POST", "/api/canned-responses", request, CannedResponse.class);
    }

    @Override
    public CannedResponse updateCannedResponse(UUID id, CannedResponseRequest request) {
        return http.send("PUT", "/api/canned-responses/" + id, request, CannedResponse.class);
    }

    @Override
    public void deleteCannedResponse(UUID id) {
        http.delete("/api/canned-responses/" + id);
    }

    @Override
    public List<Tag> tags() {
        return http.get("/api/tags", new TypeReference<List<Tag>>() {});
    }

    @Override
    public List<CloseReason> closeReasons() {
        return http.get("/api/close-reasons", new TypeReference<List<CloseReason>>() {});
    }

    @Override
    public SessionTags sessionTags(UUID sessionId) {
        return http.get("/api/chat/session/" + sessionId + "/tags", SessionTags.class);
    }

    @Override
    public SessionTags setSessionTags(UUID sessionId, List<String> codes) {
        return http.send(
                "PUT",
                "/api/chat/session/" + sessionId + "/tags",
                new SessionTagsRequest(codes),
                SessionTags.class);
    }

    @Override
    public SearchPage search(String query, String cursor) {
        String path =
                "/api/chat/search?limit=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        if (cursor != null) {
            path += "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        }
        return http.get(path, SearchPage.class);
    }
}
