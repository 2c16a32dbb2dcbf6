package id.oss.livechat.installers;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A test whose system program is missing says which package to install, and how. */
class SystemProgramsTest {

    @Test
    void aMissingProgramNamesItsPackageAndTheTestScript() {
        assertThatThrownBy(
                        () ->
                                SystemPrograms.require(
                                        "no-such-program-7f3a",
                                        "no-such-package-7f3a",
                                        "the test's X server"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        "no-such-program-7f3a is not on the PATH: the test's X server (Debian's"
                                + " package no-such-package-7f3a). scripts/test.sh installs it"
                                + " and everything else the tests need, then runs them.");
    }

    @Test
    void aMissingLibraryNamesItsPackageAndTheTestScript() {
        assertThatThrownBy(
                        () ->
                                SystemPrograms.requireLibrary(
                                        "libno-such-library-7f3a.so.0",
                                        "libno-such-library-7f3a",
                                        "the desktop's toolkit"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("libno-such-library-7f3a.so.0 is not installed")
                .hasMessageContaining("scripts/test.sh installs it");
    }

    @Test
    void aProgramAndALibraryThatArePresentPass() {
        assertThatCode(() -> SystemPrograms.require("sh", "dash", "a shell"))
                .doesNotThrowAnyException();
        assertThatCode(() -> SystemPrograms.requireLibrary("libc.so.6", "libc6", "C"))
                .doesNotThrowAnyException();
    }
}
