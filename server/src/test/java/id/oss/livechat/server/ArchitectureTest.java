package id.oss.livechat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shape of STYLE.md: a feature's domain and use cases know nothing of the web, the
 * database driver, Kafka or Spring wiring; only its {@code internal} and {@code web} adapters and
 * its {@code *Configuration} do, and no feature reaches into another's adapters.
 */
class ArchitectureTest {
    private static final String[] FEATURES = {
        "visitor",
        "session",
        "message",
        "routing",
        "agent",
        "analytics",
        "notification",
        "realtime",
        "hours",
        "casecontext"
    };
    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("id.oss.livechat.server");

    @Test
    void domainCodeKnowsNoFrameworkAdapters() {
        for (String feature : FEATURES) {
            noClasses()
                    .that()
                    .resideInAPackage("id.oss.livechat.server." + feature)
                    .and()
                    .haveSimpleNameNotEndingWith("Configuration")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.springframework..",
                            "io.r2dbc..",
                            "org.apache.kafka..",
                            "jakarta.mail..",
                            "io.netty..")
                    .allowEmptyShould(true)
                    .because(
                            "domain code is plain Java and Reactor; adapters live in internal/ and web/")
                    .check(CLASSES);
        }
    }

    @Test
    void commonCodeIsFrameworkFree() {
        noClasses()
                .that()
                .resideInAPackage("id.oss.livechat.server.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.r2dbc..")
                .check(CLASSES);
    }

    @Test
    void noFeatureUsesAnotherFeaturesAdapters() {
        for (String feature : FEATURES) {
            String base = "id.oss.livechat.server." + feature;
            noClasses()
                    .that()
                    .resideOutsideOfPackage(base + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(base + ".internal..", base + ".web..")
                    .allowEmptyShould(true)
                    .because("features talk through each other's public API at the package root")
                    .check(CLASSES);
        }
    }
}
