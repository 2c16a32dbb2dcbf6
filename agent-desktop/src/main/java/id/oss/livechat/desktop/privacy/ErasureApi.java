package id.oss.livechat.desktop.privacy;

import id.oss.livechat.desktop.connection.ApiException;

/**
 * The port to {@code POST /api/privacy/erase} (admins). Blocks; a malformed key is {@link
 * ApiException} 400 naming the field, a visitor nothing is known about 404, a non-admin 403.
 */
public interface ErasureApi {
    /** For clients that cannot reach it: fails as a server without erasure would. */
    ErasureApi UNAVAILABLE =
            (kind, value) -> {
                throw new ApiException(404, "not_found", null);
            };

    /** Erases everything about the visitor found by {@code kind}; answers how much went. */
    ErasureCounts erase(SubjectKind kind, String value);
}
