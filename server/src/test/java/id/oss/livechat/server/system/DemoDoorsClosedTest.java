package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.LiveChatServer;
import id.oss.livechat.server.support.TestDatabase;
import id.oss.livechat.server.system.config.StartupRefusedException;
import id.oss.livechat.server.system.database.OpsCommands;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A production start (demo mode off, strong secrets) on a database where a demo account still signs
 * in with the published demo password is refused, naming the account.
 */
class DemoDoorsClosedTest {
    private static final String DATABASE = "demo_doors_test";
    private static TestDatabase db;

    @BeforeAll
    static void aDatabaseThatOnceRanInDemoMode() throws Exception {
        db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        Map<String, String> environment =
                Map.of(
                        "DB_HOST",
                        "localhost",
                        "DB_PORT",
                        String.valueOf(db.port()),
                        "DB_NAME",
                        DATABASE,
                        "DB_USER",
                        "postgres");
        assertThat(
                        new OpsCommands(
                                        environment,
                                        new PrintStream(OutputStream.nullOutputStream()))
                                .run("migrate"))
                .isZero();
        try (Connection c =
                        DriverManager.getConnection(
                                "jdbc:postgresql://localhost:"
                                        + db.port()
                                        + "/"
                                        + DATABASE
                                        + "?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO users (username, display_name, password_hash, role) VALUES ('agent1', 'Agus', '"
                            + new BCryptPasswordEncoder(4).encode("livechat-demo")
                            + "', 'agent')");
        }
    }

    @Test
    void aDemoAccountWithTheDemoPasswordStopsAProductionStart() {
        Throwable failure = null;
        try {
            new SpringApplicationBuilder(LiveChatServer.class)
                    .run(
                            "--DB_HOST=localhost",
                            "--DB_PORT=" + db.port(),
                            "--DB_NAME=" + DATABASE,
                            "--DB_USER=postgres",
                            "--LIVECHAT_DEMO=false",
                            "--server.port=0",
                            "--JWT_SECRET="
                                    + "k".repeat(8)
                                    + "-a-real-production-secret-0123456789",
                            "--OSS_IDENTITY_SECRET="
                                    + "p".repeat(8)
                                    + "-a-real-portal-secret-0123456789")
                    .close();
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("the server started").isNotNull();
        StartupRefusedException refusal = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartupRefusedException r) {
                refusal = r;
            }
        }
        assertThat(refusal).as("refused, not crashed: " + failure).isNotNull();
        assertThat(refusal.getMessage()).contains("agent1").contains("demo password");
    }
}
