package id.oss.livechat.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import id.oss.livechat.server.support.Visitor;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** The claim is atomic in the database: races between agents or nodes never double-assign. */
class ConcurrentAssignmentTest extends ServerTest {
    @Autowired RoutingRepository routing;
    @Autowired ChatEventBus bus;

    @Test
    void fiftyConcurrentAssignmentsOfOneSessionHaveExactlyOneWinner() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        List<StaffFixture.Member> agents = staff.agents(50, "away", 3, department);
        Visitor.Session session = staff.waitingSession(department, "normal");
        String supervisor = demoToken("supervisor");
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Integer> statuses =
                Flux.fromIterable(agents)
                        .flatMap(
                                agent ->
                                        client.post()
                                                .uri("/api/chat/assign")
                                                .headers(h -> h.setBearerAuth(supervisor))
                                                .contentType(MediaType.APPLICATION_JSON)
                                                .bodyValue(
                                                        Map.of(
                                                                "session_id",
                                                                session.id(),
                                                                "agent_id",
                                                                agent.id().toString()))
                                                .exchangeToMono(
                                                        response ->
                                                                response.releaseBody()
                                                                        .thenReturn(
                                                                                response.statusCode()
                                                                                        .value())),
                                50)
                        .collectList()
                        .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(50);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(49);
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE id = '"
                                        + session.id()
                                        + "' AND status = 'active'"))
                .isEqualTo(1);
        assertThat(agents.stream().map(StaffFixture.Member::id))
                .contains(staff.agentOf(session.id()));
    }

    @Test
    void twoHundredSessionsAndTenAgentsRaceToTheirLimitsAndNoFurther() {
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        int[] limits = {11, 13, 15, 17, 19, 21, 23, 25, 27, 29}; // 200 slots for 200 sessions
        List<StaffFixture.Member> agents = new java.util.ArrayList<>();
        for (int limit : limits) {
            agents.add(staff.agent("away", limit, department));
        }
        List<UUID> sessions = insertWaitingSessions(department, 200);

        Map<UUID, AtomicInteger> assignmentsPerSession = new ConcurrentHashMap<>();
        Disposable listening = countAssignments(assignmentsPerSession);
        try {
            db.sql("UPDATE users SET status = 'online' WHERE id = ANY(:ids)")
                    .bind("ids", agents.stream().map(StaffFixture.Member::id).toArray(UUID[]::new))
                    .then()
                    .block();
            // three routers stand for three server nodes; the supervisor's automatic assigns race
            // them
            List<Router> nodes =
                    List.of(
                            new Router(
                                    routing,
                                    bus,
                                    Router.AssignmentListener.NONE,
                                    java.time.Clock.systemUTC()),
                            new Router(
                                    routing,
                                    bus,
                                    Router.AssignmentListener.NONE,
                                    java.time.Clock.systemUTC()),
                            new Router(
                                    routing,
                                    bus,
                                    Router.AssignmentListener.NONE,
                                    java.time.Clock.systemUTC()));
            String supervisor = demoToken("supervisor");
            WebClient client = WebClient.create("http://localhost:" + port);
            Flux<Object> routers =
                    Flux.fromIterable(nodes)
                            .flatMap(node -> node.routeDepartment(department).repeat(5).then(), 3)
                            .cast(Object.class);
            Flux<Object> manual =
                    Flux.fromIterable(sessions.subList(0, 60))
                            .flatMap(
                                    id ->
                                            client.post()
                                                    .uri("/api/chat/assign")
                                                    .headers(h -> h.setBearerAuth(supervisor))
                                                    .contentType(MediaType.APPLICATION_JSON)
                                                    .bodyValue(Map.of("session_id", id.toString()))
                                                    .exchangeToMono(
                                                            r ->
                                                                    r.releaseBody()
                                                                            .thenReturn(
                                                                                    r.statusCode()
                                                                                            .value())),
                                    20)
                            .cast(Object.class);
            Flux.merge(routers, manual).then().block(Duration.ofSeconds(120));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    count(
                                                            "SELECT count(*) FROM chat_sessions WHERE department_id = '"
                                                                    + department
                                                                    + "' AND status = 'waiting'"))
                                            .isZero());
        } finally {
            listening.dispose();
        }

        for (int i = 0; i < agents.size(); i++) {
            assertThat(
                            count(
                                    "SELECT count(*) FROM chat_sessions WHERE status = 'active' AND agent_id = '"
                                            + agents.get(i).id()
                                            + "'"))
                    .as("chats of the agent with limit %d", limits[i])
                    .isEqualTo(limits[i]);
        }
        assertThat(assignmentsPerSession).hasSize(200);
        assertThat(assignmentsPerSession.values())
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(assignmentsPerSession.keySet()).containsExactlyInAnyOrderElementsOf(sessions);
    }

    @Test
    void aQueueLongerThanOneRoutingPageIsRoutedToTheEndInOnePass() {
        // a morning rush: more chats wait than routing reads at once, and agents have room for all
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        List<StaffFixture.Member> agents = staff.agents(10, "away", 50, department);
        int waiting = 2 * Router.BATCH + 50;
        List<UUID> sessions = insertWaitingSessions(department, waiting);
        db.sql("UPDATE users SET status = 'online' WHERE id = ANY(:ids)")
                .bind("ids", agents.stream().map(StaffFixture.Member::id).toArray(UUID[]::new))
                .then()
                .block();

        Map<UUID, AtomicInteger> assignmentsPerSession = new ConcurrentHashMap<>();
        Disposable listening = countAssignments(assignmentsPerSession);
        try {
            new Router(routing, bus, Router.AssignmentListener.NONE, java.time.Clock.systemUTC())
                    .routeDepartment(department)
                    .block(Duration.ofSeconds(60));
        } finally {
            listening.dispose();
        }

        // all of them, by the one call: not one page now and the rest at later sweeps
        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE department_id = '"
                                        + department
                                        + "' AND status = 'active'"))
                .isEqualTo(waiting);
        assertThat(assignmentsPerSession.keySet()).containsExactlyInAnyOrderElementsOf(sessions);
        assertThat(assignmentsPerSession.values())
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        // fewest chats first: the load is spread, not piled on one agent
        for (StaffFixture.Member agent : agents) {
            assertThat(
                            count(
                                    "SELECT count(*) FROM chat_sessions WHERE status = 'active' AND agent_id = '"
                                            + agent.id()
                                            + "'"))
                    .isEqualTo(waiting / 10);
        }
    }

    @Test
    void aRoutingCallThatIsNeverRunDoesNotStopTheDepartmentFromBeingRouted() {
        // a use case builds routing into a chain whose earlier step then fails: the routing Mono
        // is made but never subscribed
        StaffFixture staff = new StaffFixture(db, http);
        UUID department = staff.department();
        staff.agents(1, "online", 5, department);
        List<UUID> sessions = insertWaitingSessions(department, 3);
        Router router =
                new Router(
                        routing, bus, Router.AssignmentListener.NONE, java.time.Clock.systemUTC());

        router.routeDepartment(department);
        router.routeDepartment(department).block(Duration.ofSeconds(30));

        assertThat(
                        count(
                                "SELECT count(*) FROM chat_sessions WHERE status = 'active' AND id IN ('"
                                        + String.join(
                                                "','",
                                                sessions.stream().map(UUID::toString).toList())
                                        + "')"))
                .isEqualTo(3);
    }

    /** Counts, per session, the assignments announced on the bus until disposed. */
    private Disposable countAssignments(Map<UUID, AtomicInteger> assignmentsPerSession) {
        return bus.events()
                .filter(
                        e ->
                                e instanceof ChatEvent.SessionChanged c
                                        && c.status() == SessionStatus.ACTIVE)
                .subscribe(
                        e ->
                                assignmentsPerSession
                                        .computeIfAbsent(e.sessionId(), id -> new AtomicInteger())
                                        .incrementAndGet());
    }

    private List<UUID> insertWaitingSessions(UUID department, int count) {
        SecureRandom random = new SecureRandom();
        return Flux.range(0, count)
                .concatMap(
                        i -> {
                            byte[] tokenHash = new byte[32];
                            random.nextBytes(tokenHash);
                            return db.sql(
                                            """
                    WITH visitor AS (INSERT INTO chat_users (browser_uuid) VALUES (gen_random_uuid()) RETURNING id)
                    INSERT INTO chat_sessions (chat_user_id, department_id, topic, visitor_token_hash, queued_at)
                    SELECT id, :dept, 'Beban ' || :i, :hash, now() - make_interval(secs => :i) FROM visitor RETURNING id""")
                                    .bind("dept", department)
                                    .bind("i", i)
                                    .bind("hash", java.nio.ByteBuffer.wrap(tokenHash))
                                    .map(row -> row.get(0, UUID.class))
                                    .one();
                        })
                .collectList()
                .block(Duration.ofSeconds(60));
    }
}
