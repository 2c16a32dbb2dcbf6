package id.oss.livechat.desktop.connection;

import id.oss.livechat.desktop.util.Json;
import id.oss.livechat.model.ApiError;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

/**
 * JSON over {@link HttpClient} against one server, with the staff token once signed in. Errors
 * become {@link ApiException} (with the {@code error} code of the contract's error body) or {@link
 * ServerUnreachableException}.
 */
public final class JsonHttp {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final ServerAddress server;
    private final HttpClient client;
    private volatile String token;

    public JsonHttp(ServerAddress server) {
        this.server = server;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public ServerAddress server() {
        return server;
    }

    void useToken(String accessToken) {
        this.token = accessToken;
    }

    public <T> T get(String path, Class<T> type) {
        return exchange("GET", path, null, Json.mapper().constructType(type));
    }

    public <T> T get(String path, TypeReference<T> type) {
        return exchange("GET", path, null, Json.mapper().constructType(type));
    }

    public <T> T send(String method, String path, Object body, Class<T> type) {
        return exchange(method, path, body, Json.mapper().constructType(type));
    }

    /** {@code DELETE}: a 2xx answer (204, no body) is all there is to read. */
    public void delete(String path) {
        respond("DELETE", path, null, "application/json");
    }

    /** A text answer as it comes (the CSV exports), UTF-8. */
    public String getText(String path, String accept) {
        return respond("GET", path, null, accept).body();
    }

    /** A call answered with {@code 204 No Content} (sign-out). */
    public void sendNoContent(String method, String path) {
        respond(method, path, null, "application/json");
    }

    private <T> T exchange(String method, String path, Object body, JavaType type) {
        HttpResponse<String> response = respond(method, path, body, "application/json");
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (JacksonException e) {
            // a 200 that is not our JSON: some other program answers on that address
            throw new ApiException(response.statusCode(), "unreadable_response", e.getMessage());
        }
    }

    /** Sends the request; a 2xx answer comes back, anything else is thrown as the contract says. */
    private HttpResponse<String> respond(String method, String path, Object body, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.rest(path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(
                                    Json.mapper().writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerUnreachableException(server + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        return response;
    }

    private static ApiException error(HttpResponse<String> response) {
        String code = "http_" + response.statusCode();
        String message = null;
        java.util.Map<String, String> fields = java.util.Map.of();
        try {
            ApiError body = Json.mapper().readValue(response.body(), ApiError.class);
            if (body != null && body.error() != null) {
                code = body.error();
                message = body.message();
                fields = body.fields();
            }
        } catch (JacksonException e) {
            // not the contract's error body (a proxy's HTML page): the status says enough
        }
        return new ApiException(response.statusCode(), code, message, fields);
    }
}
