package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ChildProcesses;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server as operators run it, in its own process with {@code LOG_FORMAT=json} and {@code
 * LOG_LEVEL=debug} (the most talkative level): every line is one JSON object, every line of a
 * request carries that request's id, and neither a login's password nor the token it earned is ever
 * written.
 */
class JsonLogTest {
    private static final String WRONG_PASSWORD = "Wrong-Password-Never-Logged-4711";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;
    private static Process server;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startServer() throws IOException {
        TestDatabase db = TestDatabase.get();
        port = ChildProcesses.freePort();
        log = dir.resolve("server.log");
        ProcessBuilder builder =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx384m",
                                "-XX:+UseSerialGC",
                                "-cp",
                                ChildProcesses.classpath(),
                                "id.oss.livechat.server.LiveChatServer")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("DB_HOST", "localhost");
        builder.environment().put("DB_PORT", String.valueOf(db.port()));
        builder.environment().put("DB_NAME", TestDatabase.NAME);
        builder.environment().put("LIVECHAT_DEMO", "true");
        builder.environment().put("DEMO_PASSWORD", ServerTest.DEMO_PASSWORD);
        builder.environment().put("LOG_FORMAT", "json");
        builder.environment().put("LOG_LEVEL", "debug");
        server = builder.start();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> get("/health").statusCode() == 200);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void everyLineOfALoginIsJsonWithItsRequestIdAndNoSecret() throws Exception {
        HttpResponse<String> refused = login("agent1", WRONG_PASSWORD, "json-log-test-refused");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Request-Id")).contains("json-log-test-refused");
        HttpResponse<String> accepted =
                login("agent1", ServerTest.DEMO_PASSWORD, "json-log-test-accepted");
        assertThat(accepted.statusCode()).isEqualTo(200);
        String token = JSON.readTree(accepted.body()).get("access_token").asString();
        // an answer without a given id gets a fresh one
        assertThat(get("/api/oss-chat/departments").headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThanOrEqualTo(8));

        // the access line is the request's last: once it is written, the whole request is
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(log).contains("POST /api/auth/login 200"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                assertThat(line).as("a log line that is not JSON").startsWith("{");
                lines.add(JSON.readTree(line));
            }
        }
        for (String id : List.of("json-log-test-refused", "json-log-test-accepted")) {
            List<JsonNode> ofRequest =
                    lines.stream().filter(l -> id.equals(text(l, "request_id"))).toList();
            assertThat(ofRequest.stream().map(l -> text(l, "logger_name")))
                    .contains(
                            "id.oss.livechat.access",
                            "org.springframework.web.server.adapter.HttpWebHandlerAdapter");
            // Spring marks its own lines of one exchange with a prefix: all of them have our id
            String prefix = springPrefix(ofRequest);
            assertThat(
                            lines.stream()
                                    .filter(l -> text(l, "message").startsWith(prefix))
                                    .map(l -> text(l, "request_id")))
                    .isNotEmpty()
                    .allMatch(id::equals);
        }
        String all = Files.readString(log);
        assertThat(all).doesNotContain(WRONG_PASSWORD);
        assertThat(all).doesNotContain(ServerTest.DEMO_PASSWORD);
        assertThat(all).doesNotContain(token);
    }

    private static String springPrefix(List<JsonNode> lines) {
        Pattern bracket = Pattern.compile("^(\\[[0-9a-f]+-\\d+\\])");
        for (JsonNode line : lines) {
            Matcher m = bracket.matcher(text(line, "message"));
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no Spring line with an exchange prefix");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? "" : value.asString();
    }

    private static HttpResponse<String> login(String username, String password, String requestId)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", requestId)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\""
                                                + username
                                                + "\",\"password\":\""
                                                + password
                                                + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
