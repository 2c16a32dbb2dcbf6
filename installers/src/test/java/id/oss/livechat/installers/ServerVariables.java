package id.oss.livechat.installers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables the server reads, found in its sources: the {@code ${NAME…}}
 * placeholders of application.yml and of {@code @Value}s, and the names its code looks up with
 * {@code getProperty("NAME")}. Upper-case names only: those are the environment's.
 */
final class ServerVariables {
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern LOOKUP =
            Pattern.compile("getProperty\\(\\s*\"([A-Z][A-Z0-9_]*)\"");

    private ServerVariables() {}

    static Set<String> read() {
        Set<String> names = new TreeSet<>();
        Path main = REPOSITORY.resolve("server/src/main");
        collect(PLACEHOLDER, text(main.resolve("resources/application.yml")), names);
        try (Stream<Path> files = Files.walk(main.resolve("java"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .map(ServerVariables::text)
                    .forEach(
                            source -> {
                                collect(PLACEHOLDER, source, names);
                                collect(LOOKUP, source, names);
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The seed's variables (its README) and ours that the brief names. */
    static final Set<String> SEED =
            Set.of(
                    "DB_HOST",
                    "DB_PORT",
                    "DB_NAME",
                    "DB_USER",
                    "DB_PASSWORD",
                    "PORT",
                    "GIN_MODE",
                    "JWT_SECRET",
                    "JWT_EXPIRES_IN",
                    "KAFKA_BROKERS",
                    "KAFKA_TOPIC_MESSAGES",
                    "SENDGRID_API_KEY",
                    "FROM_EMAIL",
                    "CORS_ORIGINS",
                    "LOG_LEVEL",
                    "LOG_FORMAT",
                    "OSS_IDENTITY_SECRET");

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
