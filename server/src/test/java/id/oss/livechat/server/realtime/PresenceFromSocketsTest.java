package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.TestMail;
import id.oss.livechat.server.support.Visitor;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Presence that tells the truth: an online agent whose desktop vanished (its socket dropped, no
 * close frame) is away after the grace and gets no new chat; its next socket brings it back online
 * and routing hands it the chat that waited. On a node and database of their own, with a grace of
 * one second.
 */
class PresenceFromSocketsTest {
    private static ConfigurableApplicationContext app;
    private static WebTestClient http;
    private static DatabaseClient db;
    private static int port;

    // a database of its own: a one-second grace would set away every online agent of the shared one
    private static final String DATABASE = "presence_test";

    @BeforeAll
    static void aNodeWithAShortGrace() throws Exception {
        TestDatabase database = TestDatabase.get();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl());
                java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        TestMail.useForApplications();
        app =
                new SpringApplicationBuilder(LiveChatServer.class)
                        .run(
                                "--DB_HOST=localhost",
                                "--DB_PORT=" + database.port(),
                                "--DB_NAME=" + DATABASE,
                                "--DB_USER=postgres",
                                "--LIVECHAT_DEMO=true",
                                "--DEMO_PASSWORD=" + ServerTest.DEMO_PASSWORD,
                                "--OSS_IDENTITY_SECRET=" + ServerTest.IDENTITY_SECRET,
                                "--PRESENCE_GRACE=1s",
                                "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        http =
                WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port)
                        .responseTimeout(Duration.ofSeconds(30))
                        .build();
        db =
                DatabaseClient.create(
                        ConnectionFactories.get(
                                "r2dbc:postgresql://postgres@localhost:"
                                        + database.port()
                                        + "/"
                                        + DATABASE));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAgentWhoseSocketVanishedGetsNoNewChatUntilItReconnects() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member agent = staff.agent("away", 3, department);
        String token = staff.login(agent);
        ChatSocket desktop = ChatSocket.signedIn(port, "/ws/agent", token);
        http.put()
                .uri("/api/agents/me/status")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "online"))
                .exchange()
                .expectStatus()
                .isOk();

        // the desktop crashes: the connection drops without a close frame
        desktop.close();
        Awaitility.await().atMost(ChatSocket.WAIT).until(() -> "away".equals(statusOf(agent)));

        Visitor.Session waiting = staff.waitingSession(department, "normal");
        assertThat(waiting.body().get("agents_online")).isEqualTo(0);
        assertThat(staff.agentOf(waiting.id())).isNull();

        try (ChatSocket again = ChatSocket.signedIn(port, "/ws/agent", token)) {
            Awaitility.await()
                    .atMost(ChatSocket.WAIT)
                    .until(() -> "online".equals(statusOf(agent)));
            Awaitility.await()
                    .atMost(ChatSocket.WAIT)
                    .until(() -> agent.id().equals(staff.agentOf(waiting.id())));
            // it stays online while its socket lives, well past the grace
            again.send(new id.oss.livechat.model.realtime.ClientFrame.Ping());
            Awaitility.await()
                    .atMost(ChatSocket.WAIT)
                    .until(
                            () ->
                                    seenAgo(agent).compareTo(Duration.ofSeconds(1)) < 0
                                            && "online".equals(statusOf(agent)));
        }
    }

    private static String statusOf(StaffFixture.Member member) {
        return db.sql("SELECT status FROM users WHERE id = :id")
                .bind("id", member.id())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static Duration seenAgo(StaffFixture.Member member) {
        Double seconds =
                db.sql(
                                "SELECT extract(epoch FROM now() - socket_seen_at)::float8 FROM users WHERE id = :id")
                        .bind("id", member.id())
                        .map(row -> row.get(0, Double.class))
                        .one()
                        .block();
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
