package id.oss.livechat.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat server node in its own JVM (the production main class, this module's classpath) against
 * the suite's PostgreSQL, and the REST calls the scenarios make to it.
 */
public final class ChatNode implements AutoCloseable {
    /** The server's connection pool, and the concurrency of the database baselines. */
    public static final int DB_POOL = 10;

    public static final String JWT_SECRET = "benchmark-jwt-secret-long-enough-for-hs256-signing";
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(
                            Executors.newFixedThreadPool(
                                    4,
                                    r -> {
                                        Thread t = new Thread(r, "bench-http");
                                        t.setDaemon(true);
                                        return t;
                                    }))
                    .build();

    private final int port;
    private final Process process;
    private final Path log;

    private ChatNode(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static Map<String, String> environment(Database db, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", String.valueOf(db.port()));
        env.put("DB_NAME", Database.NAME);
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "");
        env.put("DB_POOL_SIZE", String.valueOf(DB_POOL));
        env.put("JWT_SECRET", JWT_SECRET);
        env.put("OSS_IDENTITY_SECRET", "benchmark-identity-secret-at-least-32-characters");
        env.put("LIVECHAT_DEMO", "false");
        // BENCH_NODE_LOG_LEVEL=info: the nodes write an access line per request, with its time
        String level = System.getenv("BENCH_NODE_LOG_LEVEL");
        env.put("LOG_LEVEL", level == null || level.isBlank() ? "warn" : level);
        // the per-socket flood limit guards production; here it would measure itself
        env.put("MESSAGE_RATE_PER_SECOND", "100000");
        env.put("MESSAGE_RATE_BURST", "100000");
        // so are the per-address limits: every simulated visitor comes from 127.0.0.1
        env.put("RATE_LIMIT_REQUESTS_PER_MINUTE", "100000000");
        env.put("RATE_LIMIT_STARTS_BURST", "100000000");
        env.put("RATE_LIMIT_STARTS_PER_HOUR", "100000000");
        env.put("RATE_LIMIT_SESSION_REQUESTS_PER_MINUTE", "100000000");
        env.put("RATE_LIMIT_LOGINS_PER_MINUTE", "100000000");
        env.put("RATE_LIMIT_SOCKET_OPENS_PER_MINUTE", "100000000");
        env.put("MAX_WAITING_PER_ADDRESS", "100000000");
        env.put("MAX_WAITING_PER_DEPARTMENT", "100000000");
        // thousands of idle sockets, all from 127.0.0.1
        env.put("RATE_LIMIT_SOCKET_OPENS_PER_MINUTE", "100000000");
        env.put("MAX_VISITOR_SOCKETS_PER_ADDRESS", "100000000");
        env.put("MAX_STAFF_SOCKETS_PER_ADDRESS", "100000000");
        // benchmark agents never reply: without these, chats are taken back from them after
        // three minutes and handed to others (who get every message again) while a run goes on
        env.put("UNANSWERED_AFTER", "24h");
        env.put("ABANDON_AFTER", "24h");
        return env;
    }

    /** Starts a node and returns once it serves; {@code extra} adds environment (Kafka). */
    public static ChatNode start(Database db, Path logDir, String name, Map<String, String> extra) {
        int port = Children.freePort();
        Map<String, String> env = environment(db, port);
        env.putAll(extra);
        long started = System.nanoTime();
        List<String> flags = new ArrayList<>(Children.SERVER_JVM_FLAGS);
        String jfr = System.getenv("BENCH_JFR");
        if (jfr != null && !jfr.isBlank()) {
            // a profile of the node, for finding where its time goes (BENCH_JFR=folder)
            flags.add(
                    "-XX:StartFlightRecording=filename="
                            + Path.of(jfr).resolve(name + ".jfr")
                            + ",settings=profile,dumponexit=true");
        }
        Path log = logDir.resolve(name + ".log");
        Process process = Children.java(log, env, flags, "id.oss.livechat.server.LiveChatServer");
        ChatNode node = new ChatNode(port, process, log);
        node.awaitReady();
        Progress.log(
                "  node "
                        + name
                        + " ready in "
                        + (System.nanoTime() - started) / 1_000_000
                        + " ms");
        return node;
    }

    /** The last lines of the node's log: why it would not start. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the node exited; its log ends with:\n" + logTail());
            }
            try {
                HttpResponse<String> health =
                        HTTP.send(
                                HttpRequest.newBuilder(uri("/health"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.sleep(100);
        }
        throw new IllegalStateException("the node did not become ready");
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public URI ws(String path) {
        return URI.create("ws://localhost:" + port + path);
    }

    /** A visitor's new session: its id and token. */
    public record Session(UUID id, String token) {}

    public CompletableFuture<Session> startSession(UUID department) {
        String body =
                "{\"browser_uuid\":\""
                        + UUID.randomUUID()
                        + "\",\"topic\":\"Pertanyaan izin usaha\",\"priority\":\"normal\","
                        + "\"department_id\":\""
                        + department
                        + "\"}";
        return post("/api/oss-chat/start", body, null)
                .thenApply(
                        response -> {
                            if (response.statusCode() != 201) {
                                throw new IllegalStateException(
                                        "start: " + response.statusCode() + " " + response.body());
                            }
                            return new Session(
                                    UUID.fromString(field(response.body(), "session_id")),
                                    field(response.body(), "visitor_token"));
                        });
    }

    /** Starts {@code count} sessions, {@code concurrency} requests at a time. */
    public List<Session> startSessions(UUID department, int count, int concurrency) {
        return Flux.range(0, count)
                .flatMapSequential(
                        i -> Mono.fromFuture(() -> startSession(department)), concurrency)
                .collectList()
                .block(Duration.ofMinutes(10));
    }

    public String login(String username) {
        HttpResponse<String> response =
                post(
                                "/api/auth/login",
                                "{\"username\":\""
                                        + username
                                        + "\",\"password\":\""
                                        + Database.PASSWORD
                                        + "\"}",
                                null)
                        .join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "login: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "access_token");
    }

    public CompletableFuture<HttpResponse<String>> setStatus(String token, String status) {
        return HTTP.sendAsync(
                HttpRequest.newBuilder(uri("/api/agents/me/status"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static CompletableFuture<HttpResponse<String>> post(URI uri, String json, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String json, String token) {
        return post(uri(path), json, token);
    }

    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    public static String authFrame(String token) {
        return "{\"type\":\"auth\",\"token\":\"" + token + "\"}";
    }

    @Override
    public void close() {
        Children.stop(process);
    }
}
