package id.oss.livechat.installers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The programs and libraries of system packages that the installers' tests drive. A missing one
 * fails its test naming the package and the script that installs it, instead of a bare "Cannot run
 * program".
 */
final class SystemPrograms {
    private SystemPrograms() {}

    /** Fails unless {@code program} is on the PATH. */
    static void require(String program, String debianPackage, String purpose) {
        if (!onPath(program)) {
            throw new AssertionError(
                    missing(program + " is not on the PATH", debianPackage, purpose));
        }
    }

    /** Fails unless the dynamic linker knows {@code soname} (as {@code ldconfig -p} lists it). */
    static void requireLibrary(String soname, String debianPackage, String purpose) {
        Commands.Result known = Commands.run("/sbin/ldconfig", "-p");
        if (!known.output().contains(soname + " ")) {
            throw new AssertionError(missing(soname + " is not installed", debianPackage, purpose));
        }
    }

    static String missing(String what, String debianPackage, String purpose) {
        return what
                + ": "
                + purpose
                + " (Debian's package "
                + debianPackage
                + "). scripts/test.sh installs it and everything else the tests need, then runs"
                + " them.";
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
