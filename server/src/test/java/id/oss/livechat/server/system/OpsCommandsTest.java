package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.system.database.OpsCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * migrate, load-test-data and clean-test-data, on a database of their own (the shared test
 * database's queue must not fill with test chats): loading twice gives the same data, cleaning
 * removes exactly it.
 */
class OpsCommandsTest {
    private static final String DATABASE = "ops_commands_test";
    private static Map<String, String> environment;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void createDatabase() throws Exception {
        TestDatabase db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        environment =
                Map.of(
                        "DB_HOST",
                        "localhost",
                        "DB_PORT",
                        String.valueOf(db.port()),
                        "DB_NAME",
                        DATABASE,
                        "DB_USER",
                        "postgres");
    }

    @Test
    void migrateLoadAndCleanTestData() throws Exception {
        assertThat(run("migrate")).isZero();
        assertThat(output()).contains("migrate: ").contains("schema at version");
        // real data that must survive the cleaning: an agent and a visitor of its own
        sql(
                "INSERT INTO users (username, display_name, password_hash, role)"
                        + " VALUES ('agent-ops', 'Agent Ops', 'x', 'agent')");
        sql(
                "INSERT INTO chat_users (browser_uuid, user_agent)"
                        + " VALUES (gen_random_uuid(), 'Mozilla/5.0')");

        assertThat(run("load-test-data")).isZero();
        assertThat(output()).contains("126 test chats loaded");
        assertThat(count("SELECT count(*) FROM chat_sessions WHERE status = 'waiting'"))
                .isEqualTo(6);
        assertThat(count("SELECT count(*) FROM chat_messages")).isPositive();
        assertThat(count("SELECT count(*) FROM chat_session_contacts")).isEqualTo(126);
        long messages = count("SELECT count(*) FROM chat_messages");

        assertThat(run("load-test-data")).isZero();
        assertThat(count("SELECT count(*) FROM chat_sessions")).isEqualTo(126);
        assertThat(count("SELECT count(*) FROM chat_messages")).isEqualTo(messages);

        assertThat(run("clean-test-data")).isZero();
        assertThat(count("SELECT count(*) FROM chat_sessions")).isZero();
        assertThat(count("SELECT count(*) FROM chat_messages")).isZero();
        assertThat(count("SELECT count(*) FROM chat_users")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM users WHERE username = 'agent-ops'")).isEqualTo(1);
    }

    @Test
    void createAdminMakesTheFirstAdminOnceAndRefusesAWeakPassword() throws Exception {
        Map<String, String> weak = new java.util.HashMap<>(environment);
        weak.put("ADMIN_USERNAME", "kepala-it");
        weak.put("ADMIN_PASSWORD", "pendek");
        assertThat(run(weak, "create-admin")).isEqualTo(2);
        assertThat(output()).contains("ADMIN_PASSWORD must be at least 12 characters");

        Map<String, String> good = new java.util.HashMap<>(environment);
        good.put("ADMIN_USERNAME", "Kepala-IT");
        good.put("ADMIN_PASSWORD", "kata-sandi-yang-panjang");
        good.put("ADMIN_DISPLAY_NAME", "Kepala TI");
        assertThat(run(good, "create-admin")).isZero();
        assertThat(output()).contains("create-admin: admin kepala-it created");
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet row =
                        s.executeQuery(
                                "SELECT role, display_name, password_hash, active FROM users"
                                        + " WHERE username = 'kepala-it'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("role")).isEqualTo("admin");
            assertThat(row.getString("display_name")).isEqualTo("Kepala TI");
            assertThat(row.getBoolean("active")).isTrue();
            assertThat(
                            new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                                    .matches(
                                            "kata-sandi-yang-panjang",
                                            row.getString("password_hash")))
                    .isTrue();
        }

        assertThat(run(good, "create-admin")).as("the name is taken now").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM users WHERE username = 'kepala-it'")).isEqualTo(1);
    }

    @Test
    void createAdminIsInTheAuditTrailOnceAndTheChainHolds() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("ADMIN_USERNAME", "petugas-audit");
        env.put("ADMIN_PASSWORD", "kata-sandi-yang-panjang");
        assertThat(run(env, "create-admin")).isZero();
        assertThat(run(env, "create-admin")).as("taken: no second entry").isEqualTo(1);

        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet row =
                        s.executeQuery(
                                "SELECT a.actor, a.address, a.subject, a.detail, a.prev_hash,"
                                        + " a.hash = audit_entry_hash(a.prev_hash, a.at, a.actor,"
                                        + " a.actor_id, a.address, a.action, a.subject, a.detail)"
                                        + " AS sound, u.id FROM audit_log a JOIN users u ON"
                                        + " a.subject = 'staff:' || u.id WHERE a.action ="
                                        + " 'admin.staff_created' AND u.username ="
                                        + " 'petugas-audit'")) {
            assertThat(row.next()).as("an admin.staff_created entry for the new admin").isTrue();
            assertThat(row.getString("actor")).isEqualTo("ops");
            assertThat(row.getString("address")).isNull();
            assertThat(row.getString("detail")).isEqualTo("username=petugas-audit role=admin");
            assertThat(row.getBoolean("sound")).as("its hash covers its fields").isTrue();
            assertThat(row.next()).as("one entry, not one per attempt").isFalse();
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_log WHERE action ="
                                        + " 'admin.staff_created' AND detail LIKE '%kata-sandi%'"))
                .as("never the password")
                .isZero();
    }

    @Test
    void withoutDbHostTheCommandsExplainThemselves() {
        int code =
                new OpsCommands(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                        .run("migrate");
        assertThat(code).isEqualTo(2);
        assertThat(output()).contains("set DB_HOST");
    }

    private int run(Map<String, String> env, String command) {
        return new OpsCommands(env, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(command);
    }

    private int run(String command) {
        return new OpsCommands(environment, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(command);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:"
                        + environment.get("DB_PORT")
                        + "/"
                        + DATABASE
                        + "?user=postgres");
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(String query) throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
