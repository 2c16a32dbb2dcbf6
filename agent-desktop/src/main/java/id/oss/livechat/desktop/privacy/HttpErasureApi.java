package id.oss.livechat.desktop.privacy;

import id.oss.livechat.desktop.connection.JsonHttp;
import java.util.Map;

/** {@link ErasureApi} over the signed-in staff HTTP client. */
public final class HttpErasureApi implements ErasureApi {
    private final JsonHttp http;

    public HttpErasureApi(JsonHttp http) {
        this.http = http;
    }

    @Override
    public ErasureCounts erase(SubjectKind kind, String value) {
        return http.send(
                "POST", "/api/privacy/erase", Map.of(kind.wire(), value), ErasureCounts.class);
    }
}
