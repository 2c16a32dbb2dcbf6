package id.oss.livechat.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The MVVM and ports rules of STYLE.md, checked rather than hoped for. */
@AnalyzeClasses(
        packages = "id.oss.livechat.desktop",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsNeverSeeAControl =
            noClasses()
                    .that()
                    .haveSimpleNameEndingWith("ViewModel")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
                    .because("view-models hold state and commands; views build and bind controls");

    @ArchTest
    static final ArchRule onlyUiThreadTalksToThePlatform =
            noClasses()
                    .that()
                    .doNotHaveFullyQualifiedName("id.oss.livechat.desktop.util.FxUiThread")
                    .and()
                    .doNotHaveFullyQualifiedName("id.oss.livechat.desktop.Launcher")
                    .and()
                    .doNotHaveFullyQualifiedName("id.oss.livechat.desktop.DesktopApp")
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("javafx.application.Platform")
                    .because("every UI update goes through the one UiThread helper");

    @ArchTest
    static final ArchRule tyrusStaysBehindThePort =
            noClasses()
                    .that()
                    .haveNameNotMatching(
                            "id\\.oss\\.livechat\\.desktop\\.connection\\.TyrusChatConnection(\\$.*)?")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("org.glassfish.tyrus..", "jakarta.websocket..")
                    .because("the WebSocket library is one adapter behind the ChatConnection port");

    @ArchTest
    static final ArchRule httpStaysBehindThePort =
            noClasses()
                    .that()
                    .doNotHaveFullyQualifiedName("id.oss.livechat.desktop.connection.JsonHttp")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("java.net.http..");

    @ArchTest
    static final ArchRule noSpring =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");
}
