package id.oss.livechat.bench.harness;

import id.oss.livechat.server.system.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The suite's one PostgreSQL: the same embedded server the product starts (zonky binaries,
 * synchronous commit on), shared by every node and every database baseline of the run.
 */
public final class Database implements AutoCloseable {
    public static final String NAME = "livechat_bench";
    public static final String PASSWORD = "bench-password";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final EmbeddedPostgresServer server;
    private final Path dir;

    private Database(EmbeddedPostgresServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    public static Database start(Path dir) {
        try {
            Files.createDirectories(dir);
            return new Database(EmbeddedPostgresServer.start(dir.resolve("pg"), NAME, 0), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port() + "/" + NAME + "?user=postgres");
    }

    public void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A statement with its values bound as parameters ({@code ?}), never spliced into the text. */
    public void execute(String sql, Object first, Object... rest) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, first);
            for (int i = 0; i < rest.length; i++) {
                s.setObject(i + 2, rest[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long queryLong(String sql, Object... args) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public UUID department() {
        String code = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connect();
                PreparedStatement s =
                        c.prepareStatement(
                                "INSERT INTO departments (code, name, email) VALUES (?, ?, ?)"
                                        + " RETURNING id")) {
            s.setString(1, code);
            s.setString(2, "Bench " + code);
            s.setString(3, code + "@bench.example.id");
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Agents of the department with the suite's password; returns their usernames and ids. */
    public List<Agent> agents(int count, String status, int maxChats, UUID department) {
        List<Agent> agents = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement user =
                        c.prepareStatement(
                                "INSERT INTO users (username, display_name, password_hash, role,"
                                        + " status, max_chats) VALUES (?, ?, ?, 'agent', ?, ?)"
                                        + " RETURNING id");
                PreparedStatement member =
                        c.prepareStatement(
                                "INSERT INTO user_departments (user_id, department_id) VALUES (?,"
                                        + " ?)")) {
            for (int i = 0; i < count; i++) {
                String username = "bench-" + UUID.randomUUID().toString().substring(0, 12);
                user.setString(1, username);
                user.setString(2, "Agen " + i);
                user.setString(3, HASH);
                user.setString(4, status);
                user.setInt(5, maxChats);
                UUID id;
                try (ResultSet rows = user.executeQuery()) {
                    rows.next();
                    id = rows.getObject(1, UUID.class);
                }
                member.setObject(1, id);
                member.setObject(2, department);
                member.executeUpdate();
                agents.add(new Agent(id, username));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return agents;
    }

    public record Agent(UUID id, String username) {}

    /** Where pgbench is on this machine, if anywhere (the zonky binaries do not ship it). */
    public static Optional<Path> pgbench() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/pgbench")));
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.forEach(v -> candidates.add(v.resolve("bin/pgbench")));
        } catch (IOException noDebianPostgres) {
            // fine
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The single-row insert both database baselines measure: a message-sized row, one commit. */
    public void createInsertTable() {
        execute(
                "CREATE TABLE IF NOT EXISTS bench_single_insert (id bigserial PRIMARY KEY,"
                        + " session_id uuid NOT NULL, client_msg_id varchar(64) NOT NULL, body"
                        + " text NOT NULL, sent_at timestamptz NOT NULL DEFAULT now())");
    }

    /** The result of a pgbench run (or of the JDBC stand-in where pgbench is missing). */
    public record InsertRun(String tool, double tps, Latencies latencies) {}

    /**
     * Single-row inserts by {@code clients} connections for {@code seconds}: closed loop when
     * {@code rate} is 0 (transactions per second), else open loop at {@code rate} per second
     * (latency from the scheduled start, as pgbench -R reports it).
     */
    public InsertRun singleInserts(int clients, int seconds, int rate) {
        createInsertTable();
        Optional<Path> pgbench = pgbench();
        if (pgbench.isEmpty()) {
            return jdbcInserts(clients, seconds, rate);
        }
        try {
            Path work = Files.createTempDirectory(dir, "pgbench");
            Path script = work.resolve("insert.sql");
            Files.writeString(
                    script,
                    "INSERT INTO bench_single_insert (session_id, client_msg_id, body) VALUES"
                            + " (gen_random_uuid(), 'm' || :client_id, 'Halo, saya ingin"
                            + " bertanya tentang izin usaha saya');\n");
            List<String> command =
                    new ArrayList<>(
                            List.of(
                                    pgbench.get().toString(),
                                    "-n",
                                    "-h",
                                    "localhost",
                                    "-p",
                                    String.valueOf(port()),
                                    "-U",
                                    "postgres",
                                    "-c",
                                    String.valueOf(clients),
                                    "-j",
                                    String.valueOf(Math.min(clients, 2)),
                                    "-T",
                                    String.valueOf(seconds),
                                    "-f",
                                    script.toString(),
                                    "-l",
                                    "--log-prefix=" + work.resolve("log")));
            if (rate > 0) {
                command.addAll(List.of("-R", String.valueOf(rate)));
            }
            command.add(NAME);
            Process p =
                    new ProcessBuilder(command)
                            .directory(work.toFile())
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(seconds + 60L, TimeUnit.SECONDS);
            double tps = 0;
            for (String line : out.split("\n")) {
                if (line.startsWith("tps = ")) {
                    tps = Double.parseDouble(line.substring(6).split(" ")[0]);
                }
            }
            if (tps == 0) {
                throw new IllegalStateException("pgbench said: " + out);
            }
            Latencies latencies = new Latencies();
            try (Stream<Path> logs = Files.list(work)) {
                for (Path log :
                        logs.filter(f -> f.getFileName().toString().startsWith("log")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        String[] f = line.split(" ");
                        // client transaction time(us) script epoch us [lag]; with -R the time
                        // counts from the scheduled start
                        if (f.length >= 3 && !f[2].equals("skipped")) {
                            latencies.record(Long.parseLong(f[2]) * 1000);
                        }
                    }
                }
            }
            return new InsertRun(
                    "pgbench (" + pgbench.get() + ", " + version(pgbench.get()) + ")",
                    tps,
                    latencies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String version(Path pgbench) {
        return Children.run(pgbench.toString(), "--version").trim();
    }

    /** Where pgbench is missing: the same insert over JDBC, the same number of connections. */
    private InsertRun jdbcInserts(int clients, int seconds, int rate) {
        Latencies latencies = new Latencies();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            Thread thread =
                    new Thread(
                            () -> {
                                try (Connection c = connect();
                                        PreparedStatement s =
                                                c.prepareStatement(
                                                        "INSERT INTO bench_single_insert"
                                                                + " (session_id, client_msg_id,"
                                                                + " body) VALUES"
                                                                + " (gen_random_uuid(), ?, ?)")) {
                                    long i = 0;
                                    while (true) {
                                        long intended =
                                                rate > 0
                                                        ? start
                                                                + (long)
                                                                        ((i * clients + client)
                                                                                * 1e9
                                                                                / rate)
                                                        : System.nanoTime();
                                        if (intended > deadline) {
                                            break;
                                        }
                                        long wait;
                                        while ((wait = intended - System.nanoTime()) > 0) {
                                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                                        }
                                        s.setString(1, "m" + client);
                                        s.setString(
                                                2,
                                                "Halo, saya ingin bertanya tentang izin usaha"
                                                        + " saya");
                                        s.executeUpdate();
                                        latencies.recordSince(intended);
                                        done.incrementAndGet();
                                        i++;
                                    }
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double tps = done.get() / ((System.nanoTime() - start) / 1e9);
        return new InsertRun("JDBC single-row insert loop (pgbench not found)", tps, latencies);
    }

    @Override
    public void close() {
        server.close();
    }
}
