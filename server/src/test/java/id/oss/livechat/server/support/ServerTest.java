package id.oss.livechat.server.support;

import id.oss.livechat.server.visitor.IdentityProof;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The base of tests that talk to the running server over HTTP, on real PostgreSQL. Every subclass
 * shares one application context (same configuration), so the suite starts Spring once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "OSS_IDENTITY_SECRET=" + ServerTest.IDENTITY_SECRET,
            "LIVECHAT_DEMO=true",
            "DEMO_PASSWORD=" + ServerTest.DEMO_PASSWORD,
            // mail and metrics on a test's time scale
            "MAIL_POLL_INTERVAL=200ms",
            "MAIL_RETRY_BACKOFF=1s",
            "METRICS_REFRESH=300ms",
            // StaffLoginTest's ten wrong passwords wait 0.25 s, then 0.5 s each: still slowed
            "LOGIN_SLOWDOWN_MAX=500ms",
            "FROM_EMAIL=layanan@oss.example.id",
            // every test visitor comes from 127.0.0.1: the per-address limits are lifted as in
            // TestLimits.LIFTED (EdgeTest checks them at their defaults)
            "RATE_LIMIT_REQUESTS_PER_MINUTE=1000000",
            "RATE_LIMIT_STARTS_BURST=1000000",
            "RATE_LIMIT_STARTS_PER_HOUR=1000000",
            "RATE_LIMIT_LOGINS_PER_MINUTE=1000000",
            "RATE_LIMIT_SOCKET_OPENS_PER_MINUTE=1000000",
            "MAX_WAITING_PER_ADDRESS=1000000",
            "MAX_WAITING_PER_DEPARTMENT=1000000",
            "MAX_VISITOR_SOCKETS_PER_ADDRESS=1000000",
            "MAX_STAFF_SOCKETS_PER_ADDRESS=1000000",
            // the fixtures set agents online over REST without a socket; presence from live
            // sockets has tests of its own (PresenceFromSocketsTest), on its own short grace
            "PRESENCE_GRACE=30m",
        })
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(ServerTest.Clocks.class)
public abstract class ServerTest {
    public static final String IDENTITY_SECRET = "test-portal-secret-0123456789-abcdefghijkl";
    public static final String DEMO_PASSWORD = "test-demo-password";

    static {
        TestDatabase.useForApplications();
        TestMail.useForApplications();
    }

    /**
     * The server's clock, which a test may set (opening hours, a holiday) and must reset: the
     * system's time until then.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @Autowired protected WebTestClient http;
    @Autowired protected DatabaseClient db;
    @LocalServerPort protected int port;

    protected static String identityHash(String ossUserId) {
        return IdentityProof.hashFor(IDENTITY_SECRET, ossUserId);
    }

    /** Signs in one of demo mode's accounts (admin, supervisor, agent1..agent3). */
    @SuppressWarnings("unchecked")
    protected String demoToken(String username) {
        java.util.Map<String, Object> body =
                http.post()
                        .uri("/api/auth/login")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue(
                                java.util.Map.of("username", username, "password", DEMO_PASSWORD))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(java.util.Map.class)
                        .returnResult()
                        .getResponseBody();
        return (String) body.get("access_token");
    }

    protected long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
