package id.oss.livechat.server.support;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * A server as production runs it on the public internet: production mode, one portal origin in
 * {@code CORS_ORIGINS}, an ingress at 127.0.0.2 in {@code TRUSTED_PROXIES}, and every limit at its
 * default. The tests' citizens reach it through that ingress ({@link #citizen}), each from an
 * address of its own (named in {@code X-Forwarded-For}), so one test's flood never spends another's
 * budget; a client connecting from 127.0.0.1 is an untrusted peer. Subclasses share this one
 * application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "LIVECHAT_DEMO=false",
            "OSS_IDENTITY_SECRET=" + ServerTest.IDENTITY_SECRET,
            "JWT_SECRET=" + EdgeTest.JWT_SECRET,
            "CORS_ORIGINS=" + EdgeTest.PORTAL,
            "TRUSTED_PROXIES=" + EdgeTest.INGRESS,
            "MAIL_POLL_INTERVAL=200ms",
            "MAIL_RETRY_BACKOFF=1s",
            "FROM_EMAIL=layanan@oss.example.id",
        })
public abstract class EdgeTest {
    public static final String JWT_SECRET = "edge-test-jwt-secret-7Qm2xVb9LpR4tZ8wK3nD6hF1";
    public static final String PORTAL = "https://oss.example.test";

    /** The ingress: a loopback address of its own, so it is told apart from other clients. */
    public static final String INGRESS = "127.0.0.2";

    static {
        TestDatabase.useForApplications();
        TestMail.useForApplications();
    }

    @Autowired protected DatabaseClient db;
    @LocalServerPort protected int port;

    /** A client connecting from 127.0.0.1: not a trusted proxy, its own address is its key. */
    protected WebTestClient direct() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A connection from the ingress (127.0.0.2), with no client named yet. */
    protected WebTestClient ingress() {
        HttpClient fromIngress =
                HttpClient.create().bindAddress(() -> new InetSocketAddress(INGRESS, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(fromIngress))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A citizen at {@code address} behind the ingress, which names it in X-Forwarded-For. */
    protected WebTestClient citizen(String address) {
        return ingress().mutate().defaultHeader("X-Forwarded-For", address).build();
    }

    /** A chat socket ({@code path}) of a citizen at {@code address} behind the ingress. */
    protected ChatSocket citizenSocket(String address, String path) {
        HttpClient fromIngress =
                HttpClient.create().bindAddress(() -> new InetSocketAddress(INGRESS, 0));
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return ChatSocket.open(port, path, fromIngress, headers);
    }

    /** A fresh documentation address (RFC 5737), so each test counts from zero. */
    protected static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 1000));

    protected long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
