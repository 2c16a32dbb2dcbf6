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
 * (Flyway, as the server does on start), {@code create-admin} (the first admin of a production
 * install, from {@code ADMIN_USERNAME} and {@code ADMIN_PASSWORD}), {@code load-test-data} and
 * {@code clean-test-data}. Run as {@code java -jar oss-livechat-server.jar <command>} or {@code
 * bin/oss-livechat <command>}.
 */
public final class OpsCommands {
    public static final List<String> COMMANDS =
            List.of("migrate", "create-admin", "load-test-data", "clean-test-data");

    /** An admin's password protects every account: longer than an agent's minimum. */
    static final int ADMIN_PASSWORD_MIN = 12;

    private static final String USERNAME_RULE = "[a-z0-9][a-z0-9._-]{0,63}";

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
                case "create-admin" -> {
                    String refusal = adminRefusal();
                    if (refusal != null) {
                        out.println("create-admin: " + refusal);
                        return 2;
                    }
                    migrate();
                    createAdmin();
                }
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

    /**
     * What is wrong with the admin to create, or null. The password comes from the environment
     * ({@code ADMIN_PASSWORD}), never the command line, which other users of the host can read.
     */
    private String adminRefusal() {
        String username = environment.getOrDefault("ADMIN_USERNAME", "").strip();
        String password = environment.getOrDefault("ADMIN_PASSWORD", "");
        if (!username.toLowerCase(java.util.Locale.ROOT).matches(USERNAME_RULE)) {
            return "set ADMIN_USERNAME (letters, digits, dot, dash, underscore) and ADMIN_PASSWORD"
                    + " (at least "
                    + ADMIN_PASSWORD_MIN
                    + " characters)";
        }
        if (password.length() < ADMIN_PASSWORD_MIN) {
            return "ADMIN_PASSWORD must be at least " + ADMIN_PASSWORD_MIN + " characters";
        }
        if (password.equals("livechat-demo")) {
            return "ADMIN_PASSWORD is the published demo password";
        }
        return null;
    }

    /**
     * The first admin of a production install; an existing username is left alone. The account and
     * its audit entry ({@code admin.staff_created}, actor {@code ops}, as the API writes it for an
     * admin's new account) are one transaction: no admin appears that the audit trail does not
     * show. The entry goes through V60's {@code audit_append}, which chains it to the last one.
     */
    private void createAdmin() throws SQLException {
        String username =
                environment.get("ADMIN_USERNAME").strip().toLowerCase(java.util.Locale.ROOT);
        String name = environment.getOrDefault("ADMIN_DISPLAY_NAME", "").strip();
        String hash =
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10)
                        .encode(environment.get("ADMIN_PASSWORD"));
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            java.util.UUID id = insertAdmin(connection, username, name, hash);
            if (id == null) {
                connection.rollback();
                throw new IllegalStateException(
                        "the username "
                                + username
                                + " is taken; choose another ADMIN_USERNAME (an admin changes"
                                + " passwords with PUT /api/agents/:id)");
            }
            try (java.sql.PreparedStatement audit =
                    connection.prepareStatement(
                            "SELECT audit_append('ops', NULL, NULL, 'admin.staff_created', ?, ?)")) {
                audit.setString(1, "staff:" + id);
                audit.setString(2, "username=" + username + " role=admin");
                audit.execute();
            }
            connection.commit();
        }
        out.println("create-admin: admin " + username + " created; sign in with ADMIN_PASSWORD");
    }

    /** The new admin's id, or null when the username is taken. */
    private java.util.UUID insertAdmin(
            Connection connection, String username, String name, String hash) throws SQLException {
        try (java.sql.PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO users (username, display_name, email, password_hash, role,"
                                + " max_chats) VALUES (?, ?, ?, ?, 'admin', 0)"
                                + " ON CONFLICT (username) DO NOTHING RETURNING id")) {
            insert.setString(1, username);
            insert.setString(2, name.isEmpty() ? "Administrator" : name);
            String email = environment.getOrDefault("ADMIN_EMAIL", "").strip();
            insert.setString(3, email.isEmpty() ? null : email);
            insert.setString(4, hash);
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? row.getObject(1, java.util.UUID.class) : null;
            }
        }
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
