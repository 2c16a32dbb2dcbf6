package id.oss.livechat.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Every staff route against every kind of caller: nobody, a visitor's token, an agent, a
 * supervisor, an admin, a deactivated agent's token and a signed-out token. The routes are checked
 * against the server's own route table: a staff route added without its row here fails. Requests
 * use ids that do not exist, so a caller who gets past the checks meets a 404 (or a 400 for an
 * invalid body) and nothing changes.
 */
class AuthorizationMatrixTest extends ServerTest {
    private static final String NOBODY = null;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    private Map<String, String> callers;

    /** Callers whose tokens are no good any more: every staff route answers them 401. */
    private static final List<String> REVOKED = List.of("deactivated agent", "signed-out token");

    @BeforeEach
    void callers() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        callers = new LinkedHashMap<>();
        callers.put("anonymous", NOBODY);
        callers.put("visitor", new Visitor(http).start("Saya pengunjung").token());
        callers.put("agent", staff.login(staff.agent("offline", 3, department)));
        callers.put(
                "supervisor", staff.login(staff.member("supervisor", "offline", 3, department)));
        callers.put("admin", staff.login(staff.member("admin", "offline", 0)));
        StaffFixture.Member gone = staff.agent("offline", 3, department);
        String goneToken = staff.login(gone);
        db.sql("UPDATE users SET active = false WHERE id = :id")
                .bind("id", gone.id())
                .then()
                .block();
        callers.put(REVOKED.get(0), goneToken);
        String signedOut = staff.login(staff.agent("offline", 3, department));
        http.post()
                .uri("/api/auth/logout")
                .headers(h -> h.setBearerAuth(signedOut))
                .exchange()
                .expectStatus()
                .isNoContent();
        callers.put(REVOKED.get(1), signedOut);
    }

    record Route(
            HttpMethod method,
            String path,
            Object body,
            int anonymous,
            int visitor,
            int agent,
            int supervisor,
            int admin) {}

    @Test
    void everyStaffRouteChecksTheTokenAndTheRole() {
        String nothing = UUID.randomUUID().toString();
        Map<String, Object> assign = Map.of("session_id", nothing);
        Map<String, Object> transfer = Map.of("session_id", nothing, "agent_id", nothing);
        List<Route> routes =
                List.of(
                        new Route(
                                HttpMethod.GET, "/api/chat/waiting", null, 401, 401, 200, 200, 200),
                        new Route(
                                HttpMethod.GET, "/api/chat/active", null, 401, 401, 200, 200, 200),
                        new Route(
                                HttpMethod.POST,
                                "/api/chat/assign",
                                assign,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.POST,
                                "/api/chat/close",
                                assign,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.POST,
                                "/api/chat/transfer",
                                transfer,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.GET,
                                "/api/chat/session/" + nothing,
                                null,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.GET,
                                "/api/chat/session/" + nothing + "/messages",
                                null,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.POST,
                                "/api/chat/session/" + nothing + "/notes",
                                Map.of("text", "catatan"),
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.GET,
                                "/api/chat/visitors/" + nothing + "/sessions",
                                null,
                                401,
                                401,
                                403,
                                200,
                                200),
                        new Route(
                                HttpMethod.PUT,
                                "/api/agents/me/status",
                                Map.of("status", "offline"),
                                401,
                                401,
                                200,
                                200,
                                200),
                        new Route(
                                HttpMethod.PUT,
                                "/api/agents/me/password",
                                Map.of(),
                                401,
                                401,
                                400,
                                400,
                                400),
                        new Route(HttpMethod.GET, "/api/agents", null, 401, 401, 200, 200, 200),
                        new Route(HttpMethod.GET, "/api/agents/me", null, 401, 401, 200, 200, 200),
                        new Route(
                                HttpMethod.GET,
                                "/api/agents/" + nothing,
                                null,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.POST, "/api/agents", Map.of(), 401, 401, 403, 403, 400),
                        new Route(
                                HttpMethod.PUT,
                                "/api/agents/" + nothing,
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                404),
                        new Route(
                                HttpMethod.POST,
                                "/api/chat/session/" + nothing + "/messages",
                                Map.of("client_msg_id", "m1", "text", "Halo"),
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.GET,
                                "/api/analytics/dashboard",
                                null,
                                401,
                                401,
                                403,
                                200,
                                200),
                        new Route(
                                HttpMethod.GET,
                                "/api/analytics?group_by=nothing",
                                null,
                                401,
                                401,
                                403,
                                400,
                                400),
                        new Route(HttpMethod.GET, "/debug/pprof", null, 401, 401, 403, 403, 200),
                        new Route(
                                HttpMethod.GET, "/debug/pprof/heap", null, 401, 401, 403, 403, 200),
                        new Route(
                                HttpMethod.GET,
                                "/debug/pprof/threads",
                                null,
                                401,
                                401,
                                403,
                                403,
                                200),
                        new Route(
                                HttpMethod.POST,
                                "/debug/pprof/jfr/start?max_duration=never",
                                null,
                                401,
                                401,
                                403,
                                403,
                                400),
                        new Route(
                                HttpMethod.POST,
                                "/debug/pprof/jfr/stop",
                                null,
                                401,
                                401,
                                403,
                                403,
                                404),
                        new Route(
                                HttpMethod.GET, "/api/departments", null, 401, 401, 200, 200, 200),
                        new Route(
                                HttpMethod.POST,
                                "/api/departments",
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                400),
                        new Route(
                                HttpMethod.PUT,
                                "/api/departments/" + nothing,
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                404),
                        // issue 19: canned replies, tags, close reasons, search, exports
                        new Route(
                                HttpMethod.GET,
                                "/api/canned-responses",
                                null,
                                401,
                                401,
                                200,
                                200,
                                200),
                        new Route(
                                HttpMethod.POST,
                                "/api/canned-responses",
                                Map.of(),
                                401,
                                401,
                                400,
                                400,
                                400),
                        new Route(
                                HttpMethod.POST,
                                "/api/canned-responses",
                                Map.of("shortcut", "x", "text", "y", "department_id", nothing),
                                401,
                                401,
                                403,
                                404,
                                404),
                        new Route(
                                HttpMethod.PUT,
                                "/api/canned-responses/" + nothing,
                                Map.of("shortcut", "x", "text", "y"),
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.DELETE,
                                "/api/canned-responses/" + nothing,
                                null,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(HttpMethod.GET, "/api/tags", null, 401, 401, 200, 200, 200),
                        new Route(HttpMethod.POST, "/api/tags", Map.of(), 401, 401, 403, 403, 400),
                        new Route(
                                HttpMethod.PUT,
                                "/api/tags/tidak-ada",
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                404),
                        new Route(
                                HttpMethod.GET,
                                "/api/close-reasons",
                                null,
                                401,
                                401,
                                200,
                                200,
                                200),
                        new Route(
                                HttpMethod.POST,
                                "/api/close-reasons",
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                400),
                        new Route(
                                HttpMethod.PUT,
                                "/api/close-reasons/tidak-ada",
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                404),
                        new Route(
                                HttpMethod.GET,
                                "/api/chat/session/" + nothing + "/tags",
                                null,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.PUT,
                                "/api/chat/session/" + nothing + "/tags",
                                Map.of("tags", List.of()),
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.GET,
                                "/api/chat/search?q=nib",
                                null,
                                401,
                                401,
                                200,
                                200,
                                200),
                        new Route(
                                HttpMethod.GET,
                                "/api/chat/export.csv?from=2000-01-01&to=2000-01-02",
                                null,
                                401,
                                401,
                                403,
                                200,
                                200),
                        new Route(
                                HttpMethod.GET,
                                "/api/analytics/export.csv?from=2000-01-01&to=2000-01-02",
                                null,
                                401,
                                401,
                                403,
                                200,
                                200),
                        new Route(
                                HttpMethod.POST,
                                "/api/auth/refresh",
                                null,
                                401,
                                401,
                                200,
                                200,
                                200),
                        // issue 20: opening hours, routing rules; issue 16: staff set priority
                        new Route(
                                HttpMethod.GET,
                                "/api/departments/" + nothing + "/hours",
                                null,
                                401,
                                401,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.PUT,
                                "/api/departments/" + nothing + "/hours",
                                Map.of("time_zone", "Asia/Jakarta"),
                                401,
                                401,
                                403,
                                403,
                                400),
                        new Route(
                                HttpMethod.GET,
                                "/api/routing-rules",
                                null,
                                401,
                                401,
                                403,
                                200,
                                200),
                        // no rules named: the admin's 400 replaces nothing
                        new Route(
                                HttpMethod.PUT,
                                "/api/routing-rules",
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                400),
                        new Route(
                                HttpMethod.PUT,
                                "/api/chat/session/" + nothing + "/priority",
                                Map.of("priority", "high"),
                                401,
                                401,
                                404,
                                404,
                                404),
                        // issue 20: files (the upload is multipart: a JSON body is refused first)
                        new Route(
                                HttpMethod.GET,
                                "/api/attachments/" + nothing,
                                null,
                                401,
                                404,
                                404,
                                404,
                                404),
                        new Route(
                                HttpMethod.POST,
                                "/api/chat/session/" + nothing + "/attachments",
                                Map.of(),
                                401,
                                401,
                                415,
                                415,
                                415),
                        // personal data (issue 18): admins only
                        new Route(
                                HttpMethod.GET,
                                "/api/audit?limit=1",
                                null,
                                401,
                                401,
                                403,
                                403,
                                200),
                        new Route(
                                HttpMethod.GET,
                                "/api/audit/export.csv?from=2000-01-01&to=2000-01-02",
                                null,
                                401,
                                401,
                                403,
                                403,
                                200),
                        // no subject named: the admin's 400 erases nothing
                        new Route(
                                HttpMethod.POST,
                                "/api/privacy/erase",
                                Map.of(),
                                401,
                                401,
                                403,
                                403,
                                400),
                        // last: it revokes the callers' tokens
                        new Route(
                                HttpMethod.POST,
                                "/api/auth/logout",
                                null,
                                401,
                                401,
                                204,
                                204,
                                204));
        assertThat(staffRoutesOfTheServer())
                .as("every staff route of the server has its row here")
                .contains("POST /api/auth/logout", "GET /api/chat/session/{}/messages")
                .isSubsetOf(routes.stream().map(r -> key(r.method(), r.path())).toList());

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            int[] expected = {
                route.anonymous(),
                route.visitor(),
                route.agent(),
                route.supervisor(),
                route.admin(),
                401,
                401
            };
            int i = 0;
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                int status = call(route, caller.getValue());
                if (status != expected[i]) {
                    wrong.add(
                            route.method()
                                    + " "
                                    + route.path()
                                    + " as "
                                    + caller.getKey()
                                    + ": "
                                    + status
                                    + ", expected "
                                    + expected[i]);
                }
                i++;
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void forgedAndExpiredTokensAreRefused() {
        String agentId =
                db.sql("SELECT id FROM users WHERE username = 'agent1'")
                        .map(r -> r.get(0, UUID.class))
                        .one()
                        .block()
                        .toString();
        Instant now = Instant.now();
        String forged =
                sign(
                        "a-different-secret-that-is-also-long-enough",
                        agentId,
                        now,
                        now.plusSeconds(3600));
        String expired =
                sign(
                        id.oss.livechat.server.agent.internal.JwtSettings.DEMO_SECRET,
                        agentId,
                        now.minusSeconds(7200),
                        now.minusSeconds(3600));
        for (String token :
                new String[] {forged, expired, "not-a-jwt", demoToken("agent1") + "x"}) {
            http.get()
                    .uri("/api/chat/waiting")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("invalid_token");
        }
    }

    @Test
    void anAgentActingOnAnotherAgentsChatIsForbiddenButASupervisorMay() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        StaffFixture.Member owner = staff.agent("online", 3, department);
        StaffFixture.Member colleague = staff.agent("online", 3, department);
        Visitor.Session session = staff.waitingSession(department, "normal");
        assertThat(staff.agentOf(session.id())).isIn(owner.id(), colleague.id());
        UUID ownerId = staff.agentOf(session.id());
        StaffFixture.Member other = ownerId.equals(owner.id()) ? colleague : owner;
        String otherToken = staff.login(other);

        for (String path : new String[] {"/api/chat/close", "/api/chat/transfer"}) {
            Map<String, Object> body =
                    path.endsWith("close")
                            ? Map.of("session_id", session.id())
                            : Map.of("session_id", session.id(), "agent_id", other.id().toString());
            http.post()
                    .uri(path)
                    .headers(h -> h.setBearerAuth(otherToken))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("forbidden");
        }
        assertThat(staff.agentOf(session.id())).isEqualTo(ownerId);
        assertThat(staff.statusOf(session.id())).isEqualTo("active");

        http.post()
                .uri("/api/chat/close")
                .headers(h -> h.setBearerAuth(demoToken("supervisor")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session_id", session.id(), "reason", "spam"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("closed")
                .jsonPath("$.close_reason")
                .isEqualTo("spam");
    }

    /**
     * The staff routes as the server itself maps them (every controller method, so a new route
     * without a row here fails), as "METHOD /path/{}/…"; public routes (visitor API, sign-in,
     * health, demo) are the visitor tests' and the security chain's public list.
     */
    private java.util.Set<String> staffRoutesOfTheServer() {
        var mapping =
                context.getBean(
                        "requestMappingHandlerMapping",
                        org.springframework.web.reactive.result.method.annotation
                                .RequestMappingHandlerMapping.class);
        java.util.Set<String> routes = new java.util.TreeSet<>();
        mapping.getHandlerMethods()
                .keySet()
                .forEach(
                        info ->
                                info.getPatternsCondition()
                                        .getPatterns()
                                        .forEach(
                                                pattern ->
                                                        info.getMethodsCondition()
                                                                .getMethods()
                                                                .forEach(
                                                                        m ->
                                                                                routes.add(
                                                                                        key(
                                                                                                HttpMethod
                                                                                                        .valueOf(
                                                                                                                m
                                                                                                                        .name()),
                                                                                                pattern
                                                                                                        .getPatternString())))));
        routes.removeIf(r -> PUBLIC.stream().anyMatch(p -> r.split(" ")[1].startsWith(p)));
        routes.remove("GET /");
        routes.remove("POST /api/auth/login");
        return routes;
    }

    private static final List<String> PUBLIC = List.of("/api/oss-chat/", "/health", "/demo/");

    /**
     * "METHOD /path" with every id or {variable} as {} and no query. Tags and close reasons are
     * named by their code, not an id: the segment after them is one too.
     */
    private static String key(HttpMethod method, String path) {
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        // a tag's or close reason's code stands where the route has its {code}
        plain = plain.replaceAll("/tidak-ada$", "/{}");
        return method.name()
                + " "
                + plain.replaceAll("\\{[^}]+}", "{}")
                        .replaceAll(
                                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                                "{}")
                        .replaceAll("^(/api/(tags|close-reasons))/[^/{}]+$", "$1/{}");
    }

    private int call(Route route, String token) {
        var request =
                http.method(route.method())
                        .uri(route.path())
                        .headers(
                                h -> {
                                    if (token != null) {
                                        h.setBearerAuth(token);
                                    }
                                });
        var exchange =
                route.body() == null
                        ? request.exchange()
                        : request.contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(route.body())
                                .exchange();
        return exchange.returnResult(String.class).getStatus().value();
    }

    private static String sign(String secret, String subject, Instant issued, Instant expires) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims =
                JwtClaimsSet.builder()
                        .issuer("oss-livechat")
                        .subject(subject)
                        .issuedAt(issued)
                        .expiresAt(expires)
                        .claim("role", "agent")
                        .claim("preferred_username", "agent1")
                        .claim("name", "Agus")
                        .build();
        return NimbusJwtEncoder.withSecretKey(key)
                .build()
                .encode(
                        JwtEncoderParameters.from(
                                JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
