package id.oss.livechat.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shape of STYLE.md and docs/ARCHITECTURE.md: a feature's domain and use cases know
 * nothing of the web, the database driver, Kafka or Spring wiring; only its {@code internal} and
 * {@code web} adapters and its {@code *Configuration} do, and no feature reaches into another's
 * adapters. The top-level packages depend on each other without a cycle, {@code system} on no
 * feature, and {@code realtime}, a transport, on no other feature's storage.
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
        "audit",
        "privacy",
        "canned",
        "tagging",
        "search",
        "export",
        "hours",
        "casecontext",
        "attachment"
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

    @Test
    void topLevelPackagesHaveNoCycle() {
        slices().matching("id.oss.livechat.server.(*)..")
                .should()
                .beFreeOfCycles()
                .because(
                        "a feature that looks back up at what uses it cannot be moved or tested alone")
                .check(CLASSES);
    }

    @Test
    void systemDependsOnNoFeature() {
        String[] features = new String[FEATURES.length + 1];
        for (int i = 0; i < FEATURES.length; i++) {
            features[i] = "id.oss.livechat.server." + FEATURES[i] + "..";
        }
        features[FEATURES.length] = "id.oss.livechat.server.demo..";
        noClasses()
                .that()
                .resideInAPackage("id.oss.livechat.server.system..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features)
                .because(
                        "system is the plumbing every feature stands on: features register with it"
                                + " (meters, the StaffTokenVerifier port), it never calls them")
                .check(CLASSES);
    }

    @Test
    void realtimeUsesNoOtherFeaturesStorage() {
        noClasses()
                .that()
                .resideInAPackage("id.oss.livechat.server.realtime..")
                .should()
                .dependOnClassesThat(
                        not(resideInAPackage("id.oss.livechat.server.realtime.."))
                                .and(
                                        simpleNameEndingWith("Repository")
                                                .or(simpleNameEndingWith("Store")))
                                .as("are another feature's storage (a *Repository or *Store)"))
                .because(
                        "realtime is a transport: it calls the features' use cases, which own their"
                                + " storage")
                .check(CLASSES);
    }
}
