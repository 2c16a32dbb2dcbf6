package id.oss.livechat.server.realtime;

import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One client's socket as the delivery logic sees it. Everything sent to it goes through one queue
 * of tasks run one after another, so a resume that reads the database and the live messages
 * arriving meanwhile can never interleave: per session the connection keeps the last sequence
 * number it delivered and sends exactly the next one, fetching any gap from the database first.
 * That is what makes delivery gap-free and duplicate-free. A visitor's socket passes over
 * staff-only notes: they move its cursor on, but are never sent to it.
 */
public final class ClientConnection {
    /**
     * Frames waiting for a slow client before we give up on it and close; it resumes on reconnect.
     */
    static final int OUTBOUND_LIMIT = Queues.SMALL_BUFFER_SIZE * 16;

    private final UUID id = UUID.randomUUID();
    private final Principal principal;
    // Both queues grow in small linked chunks as frames wait, instead of a 4,096-slot array
    // allocated up front per socket (16 KiB each, most of an idle socket's heap); the limit is
    // counted in pending.
    private final Sinks.Many<ServerFrame> outbound =
            Sinks.many().unicast().onBackpressureBuffer(Queues.<ServerFrame>unbounded(16).get());
    private final AtomicInteger pending = new AtomicInteger();
    private final Sinks.Many<Mono<Void>> tasks =
            Sinks.many().unicast().onBackpressureBuffer(Queues.<Mono<Void>>unbounded(16).get());
    // per session: the highest sequence number delivered on this socket. Sized for one: a
    // visitor's socket follows its own session only (the default 16-slot table was 56 bytes more
    // per idle socket); an agent's grows as its chats come
    private final Map<UUID, Long> cursors = new ConcurrentHashMap<>(1);
    private final RateLimiter messages;
    private final String address;
    private final RateLimiter signals;
    private volatile Runnable onOverflow = () -> {};
    private volatile Closer closer = (code, reason) -> {};
    // closes the socket when its token expires; a renewed token's timer replaces it
    private final AtomicReference<Disposable> deadline = new AtomicReference<>();
    private volatile boolean gone;
    private volatile Following following = Following.NOBODY;
    // a visitor socket's session until its client resumes it (see attachUntilResumed); null after
    private volatile UUID awaitingResume;

    /** Told when this socket starts or stops following a session (the registry's index). */
    public interface Following {
        Following NOBODY =
                new Following() {
                    @Override
                    public void started(UUID sessionId, ClientConnection connection) {}

                    @Override
                    public void stopped(UUID sessionId, ClientConnection connection) {}
                };

        void started(UUID sessionId, ClientConnection connection);

        void stopped(UUID sessionId, ClientConnection connection);
    }

    /** What a socket may send: messages, and signals (typing, read, resume, ping). */
    public record Limits(double messagesPerSecond, int messageBurst) {
        public static final Limits DEFAULT = new Limits(5, 20);
    }

    public ClientConnection(Principal principal, Limits limits) {
        this(principal, limits, null);
    }

    /**
     * @param address the client's address as the handshake saw it (null: unknown), for the audit
     *     entries of what this socket does
     */
    public ClientConnection(Principal principal, Limits limits, String address) {
        this.principal = principal;
        this.address = address;
        this.messages = new RateLimiter(limits.messagesPerSecond(), limits.messageBurst());
        this.signals =
                new RateLimiter(
                        Math.max(10, limits.messagesPerSecond() * 2),
                        Math.max(30, limits.messageBurst()));
        // concatMap keeps its last inner subscription until the next task comes, and an idle
        // socket may wait hours for one: detached, a finished task's query (statement, parsed SQL,
        // rows) is not kept alive with it, a few kilobytes per socket
        tasks.asFlux()
                .concatMap(task -> task.onErrorResume(e -> Mono.empty()).onTerminateDetach(), 1)
                .subscribe();
    }

    public UUID id() {
        return id;
    }

    /** The client's address as the handshake saw it, or null. */
    public String address() {
        return address;
    }

    public Principal principal() {
        return principal;
    }

    /** The frames to write to the socket, in order. */
    public Flux<ServerFrame> outbound() {
        return outbound.asFlux().doOnNext(frame -> pending.decrementAndGet());
    }

    /** What to do when the client reads too slowly to keep up (the web adapter closes it). */
    public void onOverflow(Runnable action) {
        this.onOverflow = action;
    }

    /** How the web adapter closes this socket with a close code (shutdown: 1001 going away). */
    public void onCloseRequest(Closer closer) {
        this.closer = closer;
    }

    /** Closes with a code; the reason is the web adapter's usual wording for it. */
    public void closeWith(int code) {
        closer.close(code, null);
    }

    /** Closes with a code and the reason the client reads (4401: why its token is no good). */
    public void closeWith(int code, String reason) {
        closer.close(code, reason);
    }

    /** Closes the socket behind a connection; a null reason lets the adapter choose one. */
    @FunctionalInterface
    public interface Closer {
        void close(int code, String reason);
    }

    public boolean allowMessage() {
        return messages.tryAcquire();
    }

    public boolean allowSignal() {
        return signals.tryAcquire();
    }

    /** Sends a frame after everything queued before it. */
    public void send(ServerFrame frame) {
        enqueue(Mono.fromRunnable(() -> emit(frame)));
    }

    /** Runs a task after everything queued before it (tasks run one at a time). */
    public void enqueue(Mono<Void> task) {
        synchronized (tasks) {
            tasks.tryEmitNext(task);
        }
    }

    /** Who keeps an index of the sessions this socket follows (one at a time). */
    public void following(Following index) {
        this.following = index;
    }

    public boolean isAttached(UUID sessionId) {
        return cursors.containsKey(sessionId);
    }

    /**
     * Follows a session from {@code afterSeq}: the next message delivered is {@code afterSeq+1}.
     * Does nothing if the session is followed already.
     */
    public void attach(UUID sessionId, long afterSeq) {
        if (cursors.putIfAbsent(sessionId, afterSeq) == null) {
            following.started(sessionId, this);
        }
    }

    /**
     * Follows a visitor's session from {@code afterSeq}, as {@link #attach} does, for a client that
     * resumes right after signing in (the widget resumes after the last message it has). A message
     * stored before that resume would be sent live first and then again, out of order, by the
     * resume's replay; until the resume it stays in the database, where the replay reads it. A
     * client that does not resume within {@code grace} gets it then.
     *
     * @param replay the session's stored messages after a sequence number, in order
     */
    public void attachUntilResumed(
            UUID sessionId,
            long afterSeq,
            Duration grace,
            Function<Long, Flux<ChatMessage>> replay) {
        attach(sessionId, afterSeq);
        awaitingResume = sessionId;
        Mono.delay(grace)
                .subscribe(tick -> enqueue(Mono.defer(() -> stopAwaiting(sessionId, replay))));
    }

    /** No resume came: what was held back is sent now, from the database. */
    private Mono<Void> stopAwaiting(UUID sessionId, Function<Long, Flux<ChatMessage>> replay) {
        Long cursor = cursors.get(sessionId);
        if (!sessionId.equals(awaitingResume) || cursor == null) {
            return Mono.empty();
        }
        awaitingResume = null;
        return replay.apply(cursor).doOnNext(this::advance).then();
    }

    public void detach(UUID sessionId) {
        if (cursors.remove(sessionId) != null) {
            following.stopped(sessionId, this);
        }
    }

    /** Moves a session's cursor; a session not followed before is followed from now on. */
    private void moveCursor(UUID sessionId, long seq) {
        if (cursors.put(sessionId, seq) == null) {
            following.started(sessionId, this);
        }
    }

    /**
     * Delivers a stored message in order: a duplicate is dropped, the next one sent, and a message
     * past a gap first fetches the gap with {@code fetch(afterSeq, upToSeq)}.
     */
    public void deliver(ChatMessage message, Fetch fetch) {
        enqueue(
                Mono.defer(
                        () -> {
                            if (message.sessionId().equals(awaitingResume)) {
                                // held back until the client's resume (attachUntilResumed)
                                return Mono.empty();
                            }
                            Long cursor = cursors.get(message.sessionId());
                            if (cursor == null) {
                                // not following this session (any more): a supervisor's live view
                                // starts here
                                moveCursor(message.sessionId(), message.seq() - 1);
                                cursor = message.seq() - 1;
                            }
                            if (message.seq() <= cursor) {
                                return Mono.empty();
                            }
                            if (message.seq() == cursor + 1) {
                                advance(message);
                                return Mono.empty();
                            }
                            return fetch.between(message.sessionId(), cursor, message.seq())
                                    .doOnNext(this::advance)
                                    .then(Mono.fromRunnable(() -> advance(message)));
                        }));
    }

    /**
     * Replays every message after {@code afterSeq} from the database, then {@code resume.done};
     * live messages queued meanwhile follow without duplicates. The replay takes its place in the
     * queue at once, before {@code allowed} (the check that the client may resume) has answered: a
     * live message stored while the check runs then waits behind the replay instead of being sent
     * before the messages the client asked for again.
     *
     * @return completes once {@code allowed} did, failing as it failed (the replay is then dropped)
     */
    public Mono<Void> resume(
            UUID sessionId,
            long afterSeq,
            Mono<Void> allowed,
            Function<Long, Flux<ChatMessage>> replay,
            Mono<Long> lastSeq) {
        Sinks.One<Void> checked = Sinks.one();
        enqueue(
                allowed.doOnError(checked::tryEmitError)
                        .then(Mono.fromRunnable(checked::tryEmitEmpty))
                        .then(Mono.defer(() -> replayAfter(sessionId, afterSeq, replay, lastSeq))));
        return checked.asMono();
    }

    /** {@link #resume(UUID, long, Mono, Function, Mono)} for a follow the server decided itself. */
    public void resume(
            UUID sessionId,
            long afterSeq,
            Function<Long, Flux<ChatMessage>> replay,
            Mono<Long> lastSeq) {
        enqueue(Mono.defer(() -> replayAfter(sessionId, afterSeq, replay, lastSeq)));
    }

    private Mono<Void> replayAfter(
            UUID sessionId,
            long afterSeq,
            Function<Long, Flux<ChatMessage>> replay,
            Mono<Long> lastSeq) {
        if (sessionId.equals(awaitingResume)) {
            awaitingResume = null;
        }
        moveCursor(sessionId, afterSeq);
        return replay.apply(afterSeq)
                .doOnNext(this::advance)
                .then(lastSeq)
                .doOnNext(
                        last ->
                                emit(
                                        new ServerFrame.ResumeDone(
                                                sessionId,
                                                Math.max(
                                                        last,
                                                        cursors.getOrDefault(
                                                                sessionId, afterSeq)))))
                .then();
    }

    private void advance(ChatMessage message) {
        Long cursor = cursors.get(message.sessionId());
        if (cursor != null && message.seq() <= cursor) {
            return;
        }
        moveCursor(message.sessionId(), message.seq());
        if (message.internal() && principal instanceof Principal.Visitor) {
            // a staff-only note: the visitor's numbering moves past it (so the next message is not
            // mistaken for one after a gap), but the visitor never sees it
            return;
        }
        emit(ServerFrame.MessageNew.of(message));
    }

    /**
     * Sends a stored message this socket missed while it was not following the session yet, in
     * order and at most once; only for tasks already running in this connection's queue.
     */
    public void catchUp(ChatMessage message) {
        advance(message);
    }

    /** Sends a frame now; only for tasks already running in this connection's queue. */
    public void emit(ServerFrame frame) {
        if (pending.incrementAndGet() > OUTBOUND_LIMIT) {
            pending.decrementAndGet();
            onOverflow.run();
            return;
        }
        synchronized (outbound) {
            outbound.tryEmitNext(frame);
        }
    }

    public List<UUID> attachedSessions() {
        return List.copyOf(cursors.keySet());
    }

    /**
     * The timer that will close this socket (its token's expiry). A later one replaces the earlier
     * (a renewed token moves the socket's end); a socket that is gone stops it.
     */
    public void deadline(Disposable timer) {
        Disposable earlier = deadline.getAndSet(timer);
        if (earlier != null) {
            earlier.dispose();
        }
        if (gone) {
            stopDeadline();
        }
    }

    private void stopDeadline() {
        Disposable current = deadline.getAndSet(null);
        if (current != null) {
            current.dispose();
        }
    }

    /** The socket is gone: stop sending and running tasks. */
    public void close() {
        gone = true;
        stopDeadline();
        synchronized (outbound) {
            outbound.tryEmitComplete();
        }
        synchronized (tasks) {
            tasks.tryEmitComplete();
        }
    }

    /** Reads the messages of a gap: {@code afterSeq < seq < beforeSeq}, in order. */
    @FunctionalInterface
    public interface Fetch {
        Flux<ChatMessage> between(UUID sessionId, long afterSeq, long beforeSeq);
    }
}
