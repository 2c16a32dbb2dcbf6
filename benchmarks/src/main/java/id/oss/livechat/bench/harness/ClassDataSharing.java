package id.oss.livechat.bench.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Class data sharing for child JVMs, the way the packaged server uses it ({@code
 * bin/oss-livechat}): a first start writes an archive of the classes it loaded when it stops, and
 * later starts map that archive instead of loading, parsing and verifying each class again.
 *
 * <p>The JVM archives classes from jar files only, and refuses a classpath with a non-empty
 * directory on it; so the directories on this module's classpath are jarred once, and every cold
 * start (with an archive or without) runs on that same classpath.
 */
public final class ClassDataSharing {
    private ClassDataSharing() {}

    /** The flag that makes a JVM write its archive when it exits. */
    public static List<String> writing(Path archive) {
        return List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    /** The flag that makes a JVM map an archive written before. */
    public static List<String> using(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /**
     * {@code classPath} with every directory on it replaced by a jar of its files, written to
     * {@code dir}; jar entries stay as they are, entries that do not exist are left out.
     */
    public static String jarOnly(String classPath, Path dir) {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = dir.resolve("classpath-" + index++ + ".jar");
                jar(path, jar);
                entries.add(jar.toString());
            } else if (Files.isRegularFile(path)) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void jar(Path directory, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file);
                    Stream<Path> files = Files.walk(directory)) {
                // directory entries too: Spring's classpath scanning finds packages by them
                for (Path f : files.filter(f -> !f.equals(directory)).sorted().toList()) {
                    String name = directory.relativize(f).toString().replace('\\', '/');
                    boolean folder = Files.isDirectory(f);
                    out.putNextEntry(new JarEntry(folder ? name + "/" : name));
                    if (!folder) {
                        Files.copy(f, out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not jar " + directory, e);
        }
    }
}
