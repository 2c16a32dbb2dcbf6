package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import id.oss.livechat.server.support.StaffFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;

/**
 * The demo portal passes its logged-in user's case, signed by its backend, in real Chromium: the
 * chat the citizen starts carries it verified, and a routing rule by KBLI takes the chat to its
 * department although the page preselects another; a department the citizen picks is kept.
 */
class WidgetCaseContextBrowserTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    private PortalDepartment portal;
    private UUID restaurants;

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    private void rules(List<Map<String, Object>> rules) {
        http.put()
                .uri("/api/routing-rules")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(demoToken("admin")))
                .bodyValue(Map.of("rules", rules))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @BeforeEach
    void aRuleForRestaurants() {
        portal = new PortalDepartment(db, http).nobodyOnline();
        restaurants = new StaffFixture(db, http).department();
        rules(
                List.of(
                        Map.of(
                                "field",
                                "kbli",
                                "match",
                                "561",
                                "department_id",
                                restaurants.toString())));
    }

    @AfterEach
    void noRules() {
        rules(List.of());
        portal.reset();
    }

    private WidgetBrowser loggedIn() {
        WidgetBrowser b = chromium.newVisitorOnThePortal(port);
        b.driver.findElement(By.id("login-open")).click();
        b.driver.findElement(By.id("login-user")).clear();
        b.driver.findElement(By.id("login-user")).sendKeys("OSS-" + UUID.randomUUID());
        b.driver.findElement(By.id("login-email")).clear();
        b.driver.findElement(By.id("login-email")).sendKeys("budi@contoh.co.id");
        b.driver.findElement(By.id("login-submit")).click();
        b.waitFor(d -> d.findElement(By.id("user-name")).isDisplayed());
        // the page passed the case its backend signed, and says so on the dashboard
        b.waitFor(d -> d.findElement(By.id("case-shared")).isDisplayed());
        return b;
    }

    private Map<String, Object> caseOf(String sessionId) {
        return db.sql(
                        "SELECT s.department_id, c.nib, c.verified FROM chat_sessions s"
                                + " JOIN session_contexts c ON c.session_id = s.id WHERE s.id = :id")
                .bind("id", UUID.fromString(sessionId))
                .fetch()
                .one()
                .block();
    }

    private String currentSession(WidgetBrowser b) {
        return (String) b.js("return JSON.parse(localStorage.getItem('osslc.current'))");
    }

    @Test
    void theSignedCaseGoesWithTheChatAndARuleTakesItToItsDepartment() {
        WidgetBrowser b = loggedIn();
        b.startChat("Budi Santoso", "budi@contoh.co.id", "Restoran saya butuh Sertifikat Standar.");
        b.waitFor(d -> currentSession(b) != null);
        Map<String, Object> stored = caseOf(currentSession(b));
        assertThat(stored)
                .containsEntry("nib", "9120001234567")
                .containsEntry("verified", true)
                .as("KBLI 56101: the restaurants' department, not the page's perizinan")
                .containsEntry("department_id", restaurants);
    }

    @Test
    void aDepartmentTheCitizenPicksIsKept() {
        WidgetBrowser b = loggedIn();
        UUID umum =
                db.sql("SELECT id FROM departments WHERE code = 'umum'")
                        .map(row -> row.get(0, UUID.class))
                        .one()
                        .block();
        b.openWidget();
        b.waitFor(d -> b.present("#osslc-f-department"));
        new org.openqa.selenium.support.ui.Select(b.find("#osslc-f-department"))
                .selectByValue(umum.toString());
        b.startChat("Budi Santoso", "budi@contoh.co.id", "Saya tidak bisa masuk ke akun OSS.");
        b.waitFor(d -> currentSession(b) != null);
        assertThat(caseOf(currentSession(b)))
                .containsEntry("verified", true)
                .containsEntry("department_id", umum);
    }
}
