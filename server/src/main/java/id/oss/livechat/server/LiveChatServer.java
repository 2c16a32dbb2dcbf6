package id.oss.livechat.server;

import id.oss.livechat.server.system.database.OpsCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The OSS LiveChat server: one jar, embedded PostgreSQL by default, external in production. With a
 * command as its first argument ({@code migrate}, {@code load-test-data}, {@code clean-test-data},
 * {@code verify-audit}, {@code erase}) it does that to the {@code DB_*} database and exits instead.
 */
@SpringBootApplication
public class LiveChatServer {
    public static void main(String[] args) {
        OpsCommands ops = opsCommands(System.getenv(), System.out);
        if (args.length > 0 && ops.knows(args[0])) {
            // no Spring here to configure logging: only warnings, not Flyway's debug chatter
            ((ch.qos.logback.classic.Logger)
                            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            System.exit(ops.run(args[0], java.util.List.of(args).subList(1, args.length)));
        }
        SpringApplication.run(LiveChatServer.class, args);
    }

    /** The ops commands: system's own and the features' (verify-audit, erase). */
    public static OpsCommands opsCommands(
            java.util.Map<String, String> environment, java.io.PrintStream out) {
        return new OpsCommands(
                environment,
                out,
                java.util.List.of(
                        new id.oss.livechat.server.audit.VerifyAuditCommand(),
                        new id.oss.livechat.server.privacy.EraseCommand()));
    }
}
