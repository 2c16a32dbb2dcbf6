package id.oss.livechat.desktop.tools;

import id.oss.livechat.model.canned.CannedResponse;
import id.oss.livechat.model.canned.CannedResponseRequest;
import id.oss.livechat.model.search.SearchPage;
import id.oss.livechat.model.tagging.CloseReason;
import id.oss.livechat.model.tagging.SessionTags;
import id.oss.livechat.model.tagging.Tag;
import java.util.List;
import java.util.UUID;

/**
 * The port to what agents reach for all day: canned replies, tags and close reasons, and the search
 * over past chats. Calls block: view-models run them through {@code Background}. Failures are
 * {@code ApiException} or {@code ServerUnreachableException}, as for {@code StaffApi}.
 */
public interface DeskToolsApi {

    /** {@code GET /api/canned-responses}: one's personal replies and one's departments' shared. */
    List<CannedResponse> cannedResponses();

    CannedResponse createCannedResponse(CannedResponseRequest request);

    CannedResponse updateCannedResponse(UUID id, CannedResponseRequest request);

    void deleteCannedResponse(UUID id);

    /** The active tags, to offer. */
    List<Tag> tags();

    /** The active close reasons, to offer when closing. */
    List<CloseReason> closeReasons();

    SessionTags sessionTags(UUID sessionId);

    SessionTags setSessionTags(UUID sessionId, List<String> codes);

    /** {@code GET /api/chat/search}: a page of chats found; {@code cursor} null for the first. */
    SearchPage search(String query, String cursor);
}
