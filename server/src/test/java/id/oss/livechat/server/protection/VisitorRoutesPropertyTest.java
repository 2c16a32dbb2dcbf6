package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.OwnNode;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and hostile input at every visitor route (jqwik): JSON of every shape and type, strings
 * with control characters, broken surrogates, right-to-left overrides, 4-byte emoji, numbers too
 * large for any type, nesting deeper than any parser allows, bodies that are no JSON at all, junk
 * ids, tokens and query parameters. Whatever comes, the answer is never a 5xx, a refusal always has
 * the JSON error shape, and a refused request leaves the database as it was.
 */
class VisitorRoutesPropertyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static OwnNode node;
    private static DatabaseClient db;
    private static Visitor.Session waiting;
    private static Visitor.Session closed;

    @BeforeContainer
    static void aServerWithAWaitingAndAClosedChat() {
        // limits lifted (the flood is the point here, refusals for rate would hide the rest)
        node =
                OwnNode.start(
                        "--RATE_LIMIT_SESSION_REQUESTS_PER_MINUTE=100000000",
                        "--MESSAGE_RATE_PER_SECOND=100000",
                        "--MESSAGE_RATE_BURST=100000");
        db =
                DatabaseClient.create(
                        ConnectionFactories.get(
                                "r2dbc:postgresql://postgres@localhost:"
                                        + TestDatabase.get().port()
                                        + "/"
                                        + TestDatabase.NAME));
        Visitor visitor = new Visitor(node.http());
        waiting = visitor.start("Sesi uji properti");
        visitor.contact(waiting, Visitor.johnDoe()).expectStatus().isOk();
        closed = visitor.start("Sesi uji properti yang selesai");
        visitor.contact(closed, Visitor.johnDoe()).expectStatus().isOk();
        node.http()
                .post()
                .uri("/api/oss-chat/session/{id}/close", closed.id())
                .headers(h -> h.setBearerAuth(closed.token()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @AfterContainer
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** Everything a visitor request can write, as one string. */
    private static String database() {
        return db.sql(
                        """
                SELECT (SELECT count(*) FROM chat_users) || '/' ||
                       (SELECT count(*) FROM chat_users WHERE deleted_at IS NULL) || '/' ||
                       (SELECT count(*) FROM chat_sessions) || '/' ||
                       (SELECT count(*) FROM chat_session_contacts) || '/' ||
                       (SELECT coalesce(max(updated_at)::text, '') FROM chat_session_contacts) || '/' ||
                       (SELECT count(*) FROM chat_messages) || '/' ||
                       (SELECT count(*) FROM chat_sessions WHERE rating IS NOT NULL) || '/' ||
                       (SELECT count(*) FROM mail_outbox) || '/' ||
                       (SELECT status FROM chat_sessions WHERE id = :waiting)""")
                .bind("waiting", UUID.fromString(waiting.id()))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    // ------------------------------------------------------------------ generators

    /** Strings a hostile client would try, and arbitrary ones (any UTF-16 unit, surrogates too). */
    private static Arbitrary<String> hostileStrings() {
        Arbitrary<String> chosen =
                Arbitraries.of(
                        "",
                        " ",
                        "\u0000",
                        "a\u0000b",
                        "\u0007\u001b[31m",
                        "line\r\nBcc: victim@example.com",
                        "\u2028\u2029\u0085",
                        "\uD800",
                        "\uDC00x",
                        "x\uD83D",
                        "\u202Egnp.exe",
                        "\u200F\u200E\u061C",
                        "\uD83D\uDE00\uD83C\uDFE2\uD83D\uDC69\u200D\uD83D\uDCBB",
                        "\uFFFE\uFFFF",
                        "'; DROP TABLE chat_users; --",
                        "<script>alert(1)</script>",
                        "a@b.co,victim@example.com",
                        "00000000-0000-0000-0000-000000000000",
                        UUID.randomUUID().toString(),
                        "x".repeat(256),
                        "\uD83D\uDE00".repeat(2100),
                        "y".repeat(70_000),
                        "normal",
                        "urgent",
                        "id",
                        "en");
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, chosen), net.jqwik.api.Tuple.of(2, any));
    }

    /** A JSON text for a number: ordinary, or beyond every Java type. */
    private static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "0",
                        "-1",
                        "3.5",
                        "1e400",
                        "-1e400",
                        "99999999999999999999999999999999",
                        "9223372036854775808",
                        "-0",
                        "5",
                        "1E2",
                        "0.0000000000000000000001"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    // everything outside printable ASCII as an escape: lone surrogates travel too
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Any JSON value, nested up to {@code depth}. */
    private static Arbitrary<String> values(int depth) {
        Arbitrary<String> scalars =
                Arbitraries.oneOf(
                        hostileStrings().map(VisitorRoutesPropertyTest::quoted),
                        numbers(),
                        Arbitraries.of("true", "false", "null"));
        if (depth <= 0) {
            return scalars;
        }
        Arbitrary<String> arrays =
                values(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> objects = objects(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars),
                net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(1, objects));
    }

    private static final List<String> FIELDS =
            List.of(
                    "browser_uuid",
                    "oss_user_id",
                    "email",
                    "identity_hash",
                    "topic",
                    "topic_code",
                    "priority",
                    "department_id",
                    "language",
                    "session_id",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "position",
                    "company_name",
                    "client_msg_id",
                    "text",
                    "rating",
                    "comment");

    private static Arbitrary<String> objects(int depth) {
        Arbitrary<String> name =
                Arbitraries.oneOf(
                        Arbitraries.of(FIELDS),
                        hostileStrings().map(s -> s.length() > 40 ? s.substring(0, 40) : s));
        return Combinators.combine(name, values(Math.max(0, depth)))
                .as((k, v) -> quoted(k) + ":" + v)
                .list()
                .ofMaxSize(8)
                .map(members -> "{" + String.join(",", members) + "}");
    }

    /** A request body: mostly an object of the routes' fields, else any JSON, else no JSON. */
    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> deep =
                Arbitraries.integers().between(100, 3000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> deepObject =
                Arbitraries.integers()
                        .between(100, 3000)
                        .map(n -> "{\"topic\":".repeat(n) + "1" + "}".repeat(n));
        Arbitrary<String> garbage =
                Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(200),
                        Arbitraries.of(
                                "",
                                "{",
                                "{\"topic\": \"a\u0000b\"}",
                                "{\"topic\":\"x\"}{",
                                "[1,2",
                                "\uFEFF{}",
                                "{\"rating\": 1e999999}",
                                "{\"a\":" + "1".repeat(5000) + "}"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, objects(2)),
                net.jqwik.api.Tuple.of(2, values(3)),
                net.jqwik.api.Tuple.of(1, deep),
                net.jqwik.api.Tuple.of(1, deepObject),
                net.jqwik.api.Tuple.of(2, garbage));
    }

    /** Every visitor route that takes a body, with the token that reaches its checks. */
    private record Route(String path, boolean withToken) {}

    @Provide
    Arbitrary<Route> postRoutes() {
        return Arbitraries.of(
                new Route("/api/oss-chat/start", false),
                new Route("/api/oss-chat/contact", true),
                new Route("/api/oss-chat/link-user", false),
                new Route("/api/oss-chat/session/" + waiting.id() + "/messages", true),
                new Route("/api/oss-chat/session/" + closed.id() + "/rating", true),
                new Route("/api/oss-chat/session/" + closed.id() + "/transcript", true),
                new Route("/api/oss-chat/session/" + UUID.randomUUID() + "/close", true),
                new Route("/demo/login", false));
    }

    /** Path segments, tokens and query values: junk of every sort, URL-encoded on the way. */
    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                hostileStrings().map(s -> s.length() > 60 ? s.substring(0, 60) : s), numbers());
    }

    // ------------------------------------------------------------------ the properties

    @Property(tries = 200)
    void anyBodyAtAnyVisitorRouteIsAnsweredWithoutAServerError(
            @ForAll("postRoutes") Route route, @ForAll("bodies") String body) {
        String token = route.path().contains(closed.id()) ? closed.token() : waiting.token();
        String before = database();
        EntityExchangeResult<byte[]> answer =
                node.http()
                        .post()
                        .uri(route.path())
                        .headers(
                                h -> {
                                    if (route.withToken()) {
                                        h.setBearerAuth(token);
                                    }
                                })
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                        .exchange()
                        .expectBody()
                        .returnResult();
        checkAnswer(answer, before, route.path() + " " + abbreviate(body));
    }

    @Property(tries = 120)
    void anyIdTokenOrQueryAtTheReadingRoutesIsAnsweredWithoutAServerError(
            @ForAll("junk") String id,
            @ForAll("junk") String token,
            @ForAll("junk") String query,
            @ForAll("readingRoutes") String route) {
        String before = database();
        String uri =
                route.replace("{id}", encode(id))
                        .replace("{q}", encode(query))
                        .replace("{session}", waiting.id());
        String bearer = token.isEmpty() ? waiting.token() : token;
        EntityExchangeResult<byte[]> answer =
                node.http()
                        .method(route.endsWith("/close") ? HttpMethod.POST : HttpMethod.GET)
                        .uri(java.net.URI.create("http://localhost:" + node.port() + uri))
                        .headers(h -> h.set("Authorization", "Bearer " + ascii(bearer)))
                        .exchange()
                        .expectBody()
                        .returnResult();
        checkAnswer(answer, before, abbreviate(uri));
    }

    @Provide
    Arbitrary<String> readingRoutes() {
        return Arbitraries.of(
                "/api/oss-chat/history?browser_uuid={q}",
                "/api/oss-chat/history?oss_user_id={q}&identity_hash={q}",
                "/api/oss-chat/history?browser_uuid={session}&limit={q}&cursor={q}",
                "/api/oss-chat/history?browser_uuid={session}&status={q}&from={q}&to={q}",
                "/api/oss-chat/session/{id}",
                "/api/oss-chat/session/{session}/messages?after_seq={q}&limit={q}",
                "/api/oss-chat/session/{id}/messages",
                "/api/oss-chat/session/{id}/close",
                "/api/oss-chat/departments?x={q}");
    }

    private static void checkAnswer(
            EntityExchangeResult<byte[]> answer, String before, String what) {
        int status = answer.getStatus().value();
        assertThat(status).as("status of %s", what).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.getResponseHeaders().getContentType())
                    .as("type of the %s answer to %s", status, what)
                    .isNotNull()
                    .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
            JsonNode error = JSON.readTree(answer.getResponseBody());
            assertThat(error.path("error").isString()).as("error of %s", what).isTrue();
            assertThat(error.path("message").isString()).as("message of %s", what).isTrue();
            assertThat(database()).as("database after refusing %s", what).isEqualTo(before);
        }
    }

    private static String encode(String value) {
        // lone surrogates cannot be UTF-8: the encoder writes '?', as a browser would
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A header value can only carry ISO-8859-1; the rest is replaced, as a client library does. */
    private static String ascii(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The same, for a quick look when a property fails. */
    @SuppressWarnings("unused")
    private static Map<String, Object> describe(String body) {
        return Map.of("length", body.length(), "start", abbreviate(body));
    }
}
