package id.oss.livechat.server;

import id.oss.livechat.server.system.database.OpsCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The OSS LiveChat server: one jar, embedded PostgreSQL by default, external in production. With a
 * command as its first argument ({@code migrate}, {@code load-test-data}, {@code clean-test-data})
 * it does that to the {@code DB_*} database and exits instead.
 */
@SpringBootApplication
public class LiveChatServer {
    public static void main(String[] args) {
        if (args.length > 0 && OpsCommands.COMMANDS.contains(args[0])) {
            // no Spring here to configure logging: only warnings, not Flyway's debug chatter
            ((ch.qos.logback.classic.Logger)
                            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            System.exit(new OpsCommands(System.getenv(), System.out).run(args[0]));
        }
        SpringApplication.run(LiveChatServer.class, args);
    }
}
