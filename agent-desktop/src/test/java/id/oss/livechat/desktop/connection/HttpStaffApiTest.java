package id.oss.livechat.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.staff.LoginResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real HTTP adapter against a tiny in-test server speaking the contract's JSON. */
class HttpStaffApiTest {
    private HttpServer server;
    private HttpStaffApi api;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>(); // path -> status, body
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        api =
                new HttpStaffApi(
                        ServerAddress.parse("127.0.0.1:" + server.getAddress().getPort())
                                .orElseThrow());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(
                exchange.getRequestMethod()
                        + " "
                        + exchange.getRequestURI()
                        + " "
                        + exchange.getRequestHeaders().getFirst("Authorization")
                        + " "
                        + body);
        String[] answer =
                answers.getOrDefault(
                        exchange.getRequestURI().getPath(),
                        new String[] {
                            "404", "{\"error\":\"not_found\",\"message\":\"no such route\"}"
                        });
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void loginSendsSnakeCaseJsonAndLaterCallsCarryTheToken() {
        UUID id = UUID.randomUUID();
        answers.put(
                "/api/auth/login",
                new String[] {
                    "200",
                    "{\"access_token\":\"jwt-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                            + "\"user\":{\"id\":\""
                            + id
                            + "\",\"username\":\"agent1\",\"display_name\":\"Dewi Lestari\","
                            + "\"role\":\"agent\",\"department_ids\":[]},\"some_new_field\":true}"
                });
        answers.put(
                "/api/agents/me/status",
                new String[] {
                    "200",
                    "{\"id\":\""
                            + id
                            + "\",\"username\":\"agent1\",\"display_name\":\"Dewi Lestari\",\"role\":\"agent\","
                            + "\"status\":\"away\",\"department_ids\":[],\"max_chats\":3,\"active_chats\":0,\"active\":true}"
                });

        LoginResponse login = api.login("agent1", "livechat-demo");
        var agent = api.setStatus(AgentStatus.AWAY);

        assertThat(login.user().displayName()).isEqualTo("Dewi Lestari");
        assertThat(login.user().role()).isEqualTo(StaffRole.AGENT);
        assertThat(agent.status()).isEqualTo(AgentStatus.AWAY);
        assertThat(requests.get(0))
                .isEqualTo(
                        "POST /api/auth/login null {\"username\":\"agent1\",\"password\":\"livechat-demo\"}");
        assertThat(requests.get(1))
                .isEqualTo("PUT /api/agents/me/status Bearer jwt-1 {\"status\":\"away\"}");
    }

    @Test
    void anErrorBodyBecomesAnApiExceptionWithItsCode() {
        answers.put(
                "/api/auth/login",
                new String[] {
                    "401",
                    "{\"error\":\"invalid_credentials\",\"message\":\"Wrong user name or password\"}"
                });

        assertThatThrownBy(() -> api.login("agent1", "salah"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.error()).isEqualTo("invalid_credentials");
                        });
    }

    @Test
    void aNonJsonErrorStillGivesTheStatus() {
        answers.put("/health", new String[] {"502", "<html>Bad gateway</html>"});

        assertThatThrownBy(() -> api.health())
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo("http_502"));
    }

    @Test
    void healthReadsTheServersVersion() {
        answers.put(
                "/health",
                new String[] {
                    "200", "{\"status\":\"ok\",\"version\":\"0.1.0-SNAPSHOT\",\"uptime_seconds\":4}"
                });

        assertThat(api.health()).isEqualTo(new ServerHealth("ok", "0.1.0-SNAPSHOT"));
    }

    @Test
    void queryParametersFollowTheContract() {
        UUID session = UUID.randomUUID();
        answers.put(
                "/api/chat/session/" + session + "/messages",
                new String[] {
                    "200",
                    "{\"session_id\":\""
                            + session
                            + "\",\"messages\":[],\"has_more\":false,\"last_seq\":12}"
                });

        assertThat(api.messages(session, 12, 100).lastSeq()).isEqualTo(12);
        assertThat(requests.get(0))
                .startsWith(
                        "GET /api/chat/session/" + session + "/messages?after_seq=12&limit=100 ");
    }

    @Test
    void aTransferToADepartmentSendsNoAgentField() {
        UUID session = UUID.randomUUID();
        UUID department = UUID.randomUUID();
        answers.put(
                "/api/chat/transfer", new String[] {"200", "{\"session_id\":\"" + session + "\"}"});

        api.transfer(
                new id.oss.livechat.model.staff.TransferRequest(session, null, department, null));

        assertThat(requests.get(0))
                .endsWith(
                        "{\"session_id\":\""
                                + session
                                + "\",\"department_id\":\""
                                + department
                                + "\"}");
    }

    @Test
    void nobodyListeningIsUnreachable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        HttpStaffApi nowhere =
                new HttpStaffApi(ServerAddress.parse("127.0.0.1:" + freePort).orElseThrow());

        assertThatThrownBy(nowhere::health).isInstanceOf(ServerUnreachableException.class);
    }
}
