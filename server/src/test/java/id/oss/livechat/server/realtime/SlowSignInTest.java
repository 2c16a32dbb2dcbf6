package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.FrameTypes;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.server.support.ChatSocket;
import id.oss.livechat.server.support.OwnNode;
import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.support.Visitor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A busy server can take longer to check a token than a client is given to send it (thousands of
 * sockets reconnecting after a restart). A socket whose {@code auth} frame arrived in time is
 * signed in however long the check takes; one the server cannot check at all is told to try again
 * (1013), not that its token is bad (4401), which would make the widget drop its chat and the
 * desktop sign its agent out.
 *
 * <p>The check is made slow for real: another connection holds a lock on the sessions table, so the
 * token lookup waits in PostgreSQL. This node gives clients 1 s for their auth frame.
 */
class SlowSignInTest extends ServerTest {
    private static OwnNode node;

    @BeforeAll
    static void startOwnNode() {
        node = OwnNode.start("--AUTH_TIMEOUT=1s");
    }

    @AfterAll
    static void stopOwnNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aSocketWhoseAuthFrameArrivedInTimeIsSignedInEvenIfCheckingTakesLonger() throws Exception {
        Visitor.Session session = new Visitor(node.http()).start("Izin usaha");
        ChatSocket socket;
        try (Connection lock = lockSessionsTable()) {
            socket = ChatSocket.open(node.port(), "/ws/visitor");
            socket.send(new ClientFrame.Auth(session.token()));
            awaitSignInWaitingOnTheLock(() -> false);
            // past the client's 1 s timeout the check still waits, and the socket stays open
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(
                            () ->
                                    socket.all(ServerFrame.AuthOk.class).isEmpty()
                                            && !socket.isClosed());
            lock.commit();
        }
        try (socket) {
            assertThat(socket.await(ServerFrame.AuthOk.class, f -> true).sessionId().toString())
                    .isEqualTo(session.id());
            assertThat(socket.all(ServerFrame.Error.class)).isEmpty();
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void aSignInTheServerCannotFinishAsksTheClientToTryAgainInsteadOfRefusingItsToken()
            throws Exception {
        Visitor.Session session = new Visitor(node.http()).start("Izin usaha");
        ChatSocket socket;
        try (Connection lock = lockSessionsTable()) {
            socket = ChatSocket.open(node.port(), "/ws/visitor");
            socket.send(new ClientFrame.Auth(session.token()));
            // on a loaded machine the server may give up before a poll sees its lookup waiting
            awaitSignInWaitingOnTheLock(socket::isClosed);
            // longer than the server gives a check (three times the client's timeout)
            assertThat(socket.awaitClosed().getCode()).isEqualTo(1013);
            lock.commit();
        }
        try (socket) {
            assertThat(socket.all(ServerFrame.Error.class))
                    .extracting(ServerFrame.Error::code, ServerFrame.Error::ref)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "auth_unavailable", FrameTypes.AUTH));
        }
        // the same token signs in once the server can check it
        try (ChatSocket again = ChatSocket.signedIn(node.port(), "/ws/visitor", session.token())) {
            assertThat(again.isClosed()).isFalse();
        }
    }

    /**
     * Until the server's token lookup is in PostgreSQL, waiting for the table lock. Asked on a
     * connection of its own: inside the locking transaction PostgreSQL would answer every poll from
     * the snapshot of {@code pg_stat_activity} it took at the first one, so a lookup that arrived
     * after that first poll would never be seen. {@code orElse}: another sign that the lookup was
     * held up.
     */
    private static void awaitSignInWaitingOnTheLock(BooleanSupplier orElse) throws SQLException {
        try (Connection observer = DriverManager.getConnection(TestDatabase.get().jdbcUrl())) {
            await("the sign-in's query waits on the lock")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> signInsWaitingOnALock(observer) > 0 || orElse.getAsBoolean());
        }
    }

    private static long signInsWaitingOnALock(Connection observer) throws SQLException {
        try (Statement statement = observer.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT count(*) FROM pg_stat_activity"
                                        + " WHERE wait_event_type = 'Lock'"
                                        + " AND query LIKE '%visitor_token_hash%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A transaction holding the sessions table so that even reads of it wait. */
    private static Connection lockSessionsTable() throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE chat_sessions IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }
}
