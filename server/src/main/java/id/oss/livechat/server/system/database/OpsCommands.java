package id.oss.livechat.server.system.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Operations on the database that {@code DB_*} names, without starting the server: {@code migrate}
 * (Flyway, as the server does on start), {@code load-test-data} and {@code clean-test-data}. Run as
 * {@code java -jar oss-livechat-server.jar <command>} or {@code bin/oss-livechat <command>}.
 */
public final class OpsCommands {
    public static final List<String> COMMANDS =
            List.of("migrate", "load-test-data", "clean-test-data");

    /**
     * A command a feature adds (verify-audit, erase): it gets a connection to the migrated database
     * and the words after its name. System knows only this shape, never the feature.
     */
    public interface Command {
        String name();

        /** Exit code: 0 done, 1 failed, 2 misuse. */
        int run(Connection connection, List<String> arguments, PrintStream out) throws SQLException;
    }

    private final Map<String, String> environment;
    private final PrintStream out;
    private final List<Command> features;

    public OpsCommands(Map<String, String> environment, PrintStream out) {
        this(environment, out, List.of());
    }

    public OpsCommands(Map<String, String> environment, PrintStream out, List<Command> features) {
        this.environment = environment;
        this.out = out;
        this.features = List.copyOf(features);
    }

    /** Is {@code name} one of the commands, built in or a feature's. */
    public boolean knows(String name) {
        return COMMANDS.contains(name) || features.stream().anyMatch(c -> c.name().equals(name));
    }

    /** Runs one command; the exit code (0 done, 1 failed, 2 misuse). */
    public int run(String command) {
        return run(command, List.of());
    }

    /** Runs one command with its arguments; the exit code (0 done, 1 failed, 2 misuse). */
    public int run(String command, List<String> arguments) {
        String host = environment.get("DB_HOST");
        if (host == null || host.isBlank()) {
            out.println(
                    command
                            + ": set DB_HOST (and DB_PORT, DB_NAME, DB_USER, DB_PASSWORD) to the"
                            + " database to work on; the embedded database migrates itself on start");
            return 2;
        }
        try {
            switch (command) {
                case "migrate" -> migrate();
                case "load-test-data" -> {
                    migrate();
                    script("ops/clean-test-data.sql");
                    script("ops/load-test-data.sql");
                    out.println(
                            "load-test-data: "
                                    + count(
                                            "SELECT count(*) FROM chat_sessions s JOIN chat_users u"
                                                    + " ON u.id = s.chat_user_id WHERE u.user_agent"
                                                    + " = 'oss-livechat-test-data'")
                                    + " test chats loaded");
                }
                case "clean-test-data" -> {
                    script("ops/clean-test-data.sql");
                    out.println("clean-test-data: the test data is gone");
                }
                default -> {
                    return runFeature(command, arguments);
                }
            }
            return 0;
        } catch (RuntimeException | SQLException e) {
            out.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private int runFeature(String name, List<String> arguments) throws SQLException {
        for (Command command : features) {
            if (command.name().equals(name)) {
                // the feature's tables must exist before it looks at them
                migrate();
                try (Connection connection = connect()) {
                    return command.run(connection, arguments, out);
                }
            }
        }
        out.println("unknown command " + name + "; one of " + COMMANDS);
        return 2;
    }

    private void migrate() {
        MigrateResult result =
                Flyway.configure()
                        .dataSource(url(), user(), password())
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
        out.println(
                "migrate: "
                        + result.migrationsExecuted
                        + " migrations applied, schema at version "
                        + (result.targetSchemaVersion != null
                                ? result.targetSchemaVersion
                                : result.initialSchemaVersion));
    }

    private void script(String resource) throws SQLException {
        String sql;
        try (InputStream in = OpsCommands.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // the whole script in one transaction: all of it or nothing
            statement.execute(sql);
            connection.commit();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private String url() {
        return "jdbc:postgresql://"
                + environment.get("DB_HOST")
                + ":"
                + environment.getOrDefault("DB_PORT", "5432")
                + "/"
                + environment.getOrDefault("DB_NAME", "livechat_oss");
    }

    private String user() {
        return environment.getOrDefault("DB_USER", "postgres");
    }

    private String password() {
        return environment.getOrDefault("DB_PASSWORD", "");
    }
}
