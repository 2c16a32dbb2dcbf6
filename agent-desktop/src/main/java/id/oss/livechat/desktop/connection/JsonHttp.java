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
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(3);

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

    /**
     * {@code POST} of one file as {@code multipart/form-data} (field {@code file}); the JSON
     * answer. Uploads get longer than other requests: ten megabytes over a slow office line.
     */
    public <T> T upload(String path, String fileName, byte[] content, Class<T> type) {
        String boundary = "----osslc" + java.util.UUID.randomUUID().toString().replace("-", "");
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + quoted(fileName)
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail =
                ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request =
                authorised(HttpRequest.newBuilder(server.rest(path)).timeout(UPLOAD_TIMEOUT))
                        .header("Accept", "application/json")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArrays(
                                        java.util.List.of(head, content, tail)));
        HttpResponse<String> response = call(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new ApiException(response.statusCode(), "unreadable_response", e.getMessage());
        }
    }

    /** A file's bytes ({@code GET}), as the server keeps them. */
    public byte[] getBytes(String path) {
        HttpRequest.Builder request =
                authorised(HttpRequest.newBuilder(server.rest(path)).timeout(UPLOAD_TIMEOUT))
                        .header("Accept", "*/*")
                        .GET();
        HttpResponse<byte[]> response = call(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw error(
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
                    response.statusCode());
        }
        return response.body();
    }

    // a file name in a quoted header parameter: quotes and line breaks cannot end it early
    private static String quoted(String fileName) {
        return fileName.replaceAll("[\"\\\\\r\n]", "_");
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private <B> HttpResponse<B> call(
            HttpRequest.Builder request, HttpResponse.BodyHandler<B> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new ServerUnreachableException(server + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted", e);
        }
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
        return error(response.body(), response.statusCode());
    }

    private static ApiException error(String responseBody, int status) {
        String code = "http_" + status;
        String message = null;
        java.util.Map<String, String> fields = java.util.Map.of();
        try {
            ApiError body = Json.mapper().readValue(responseBody, ApiError.class);
            if (body != null && body.error() != null) {
                code = body.error();
                message = body.message();
                fields = body.fields();
            }
        } catch (JacksonException e) {
            // not the contract's error body (a proxy's HTML page): the status says enough
        }
        return new ApiException(status, code, message, fields);
    }
}
