package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.oss.livechat.model.realtime.ServerFrame;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A socket's outbound queue: frames wait in order for a slow client up to {@link
 * ClientConnection#OUTBOUND_LIMIT}; one more and the connection gives up on the client.
 */
class ClientConnectionTest {
    private final UUID session = UUID.randomUUID();
    private final ClientConnection connection =
            new ClientConnection(
                    new Principal.Visitor(session, "Budi"), ClientConnection.Limits.DEFAULT);

    @Test
    void aClientThatDoesNotReadIsGivenUpOnPastTheLimitOnly() {
        AtomicInteger overflows = new AtomicInteger();
        connection.onOverflow(overflows::incrementAndGet);

        for (int i = 1; i <= ClientConnection.OUTBOUND_LIMIT; i++) {
            connection.emit(new ServerFrame.ResumeDone(session, i));
        }
        assertThat(overflows).hasValue(0);

        connection.emit(new ServerFrame.ResumeDone(session, ClientConnection.OUTBOUND_LIMIT + 1));
        assertThat(overflows).hasValue(1);
    }

    @Test
    void framesReadByTheClientMakeRoomAgainAndKeepTheirOrder() {
        AtomicInteger overflows = new AtomicInteger();
        connection.onOverflow(overflows::incrementAndGet);
        for (int i = 1; i <= ClientConnection.OUTBOUND_LIMIT; i++) {
            connection.emit(new ServerFrame.ResumeDone(session, i));
        }

        List<ServerFrame> read =
                connection.outbound().take(ClientConnection.OUTBOUND_LIMIT).collectList().block();

        assertThat(read).hasSize(ClientConnection.OUTBOUND_LIMIT);
        assertThat(read.get(0)).isEqualTo(new ServerFrame.ResumeDone(session, 1));
        assertThat(read.get(read.size() - 1))
                .isEqualTo(new ServerFrame.ResumeDone(session, ClientConnection.OUTBOUND_LIMIT));
        assertThat(overflows).hasValue(0);
    }

    @Test
    void aReadingClientNeverOverflows() {
        AtomicInteger overflows = new AtomicInteger();
        connection.onOverflow(overflows::incrementAndGet);
        AtomicInteger received = new AtomicInteger();
        connection.outbound().subscribe(f -> received.incrementAndGet());

        int frames = ClientConnection.OUTBOUND_LIMIT * 3;
        for (int i = 1; i <= frames; i++) {
            connection.emit(new ServerFrame.ResumeDone(session, i));
        }

        assertThat(received).hasValue(frames);
        assertThat(overflows).hasValue(0);
    }

    /**
     * An idle socket may wait hours for its next task: the one it ran last, and what that task read
     * (a query's statement and rows), must not stay reachable from it: kept, it makes each of
     * 15,000 idle sockets weigh twice as much.
     */
    @Test
    void aFinishedTaskIsNotKeptAliveByTheConnectionThatRanIt() {
        byte[] rows = new byte[4 << 20];
        WeakReference<byte[]> read = new WeakReference<>(rows);
        AtomicInteger ran = new AtomicInteger();
        connection.enqueue(Mono.just(rows).doOnNext(r -> ran.incrementAndGet()).then());
        rows = null;
        assertThat(ran).hasValue(1);

        await("the finished task's 4 MiB collected")
                .atMost(Duration.ofSeconds(5))
                .until(
                        () -> {
                            System.gc();
                            return read.get() == null;
                        });
    }
}
