package id.oss.livechat.server.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) on the demo portal, with helpers
 * that reach into the widget's Shadow DOM. Each instance has a fresh profile, so a fresh
 * localStorage: a new visitor; {@link #freshVisitor()} makes a new visitor in the same browser, and
 * {@link Shared} keeps one browser for a whole test class.
 */
final class WidgetBrowser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("widget.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER =
            System.getProperty("widget.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS =
            Paths.get(System.getProperty("widget.screenshots.dir", "target/screenshots"));

    final ChromeDriver driver;
    final String base;
    private final Path profile;
    private final int width;
    private final int height;
    private final double scale;

    WidgetBrowser(int port) {
        this(port, 1280, 800, 1);
    }

    WidgetBrowser(int port, int width, int height, double scale) {
        this.base = "http://localhost:" + port;
        this.width = width;
        this.height = height;
        this.scale = scale;
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        try {
            this.profile = Files.createTempDirectory("widget-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--lang=id-ID",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        // Selenium Manager's downloads fail here: name the driver ourselves
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile())
                        .usingAnyFreePort()
                        .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        resize(width, height, scale, width < 500);
    }

    /**
     * Says which package is missing and how to get it, where Selenium would only say that its
     * driver "must exist".
     */
    private static void requireInstalled(String program, String debianPackage) {
        if (!Files.isExecutable(Paths.get(program))) {
            throw new IllegalStateException(
                    program
                            + " is missing: the widget's browser tests drive a real Chromium"
                            + " (Debian's package "
                            + debianPackage
                            + "). scripts/test.sh installs it and everything else the tests"
                            + " need, then runs them.");
        }
    }

    /**
     * Files the page downloads land in {@code dir} (Chromium's download behaviour over CDP: a
     * headless Chromium ignores the profile's download preferences).
     */
    WidgetBrowser downloadsInto(Path dir) {
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
        return this;
    }

    /** The viewport exactly (a phone is {@code mobile}: touch, and its own meta viewport). */
    void resize(int width, int height, double scale, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width", width,
                        "height", height,
                        "deviceScaleFactor", scale,
                        "mobile", mobile));
    }

    /**
     * Forgets the visitor: the widget keeps who it is and its conversation in the origin's
     * localStorage (and whether the panel was open in the tab's sessionStorage), so a test that
     * reused them would resume the previous test's chat. One fresh tab replaces every open one
     * (their sockets close with them) and the origin's storage is emptied on a page that runs no
     * widget.
     */
    WidgetBrowser freshVisitor() {
        closeThePortal();
        driver.get(base + "/widget/widget.css");
        js("localStorage.clear(); sessionStorage.clear();");
        if (!Long.valueOf(0).equals(js("return localStorage.length + sessionStorage.length"))) {
            throw new IllegalStateException("the previous visitor's storage is still there");
        }
        return this;
    }

    /**
     * The visitor closes the portal's tabs and goes (their sockets close with them); the browser
     * keeps its localStorage, as a browser does overnight. Leaves one empty tab.
     */
    WidgetBrowser closeThePortal() {
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle);
                driver.close();
            }
        }
        driver.switchTo().window(fresh);
        resize(width, height, scale, width < 500);
        return this;
    }

    /**
     * One Chromium for a test class, a new visitor for every test: starting Chromium costs seconds
     * on a busy machine, forgetting a visitor almost nothing. A browser that broke is replaced.
     */
    static final class Shared {
        private WidgetBrowser browser;

        /** The shared browser as a new visitor, on the demo portal. */
        WidgetBrowser newVisitorOnThePortal(int port) {
            return newVisitor(port).openPortal();
        }

        /** The shared browser as a new visitor, on no page yet. */
        WidgetBrowser newVisitor(int port) {
            if (browser != null) {
                try {
                    browser.freshVisitor();
                } catch (WebDriverException | IllegalStateException e) {
                    close();
                }
            }
            if (browser == null) {
                browser = new WidgetBrowser(port);
            }
            return browser;
        }

        boolean owns(WidgetBrowser b) {
            return b == browser;
        }

        void close() {
            if (browser != null) {
                WidgetBrowser b = browser;
                browser = null;
                b.close();
            }
        }
    }

    /** The demo portal page, once the widget has mounted and styled itself. */
    WidgetBrowser openPortal() {
        driver.get(base + "/");
        waitFor(d -> js("return !!(window.OSSLiveChat && window.OSSLiveChat.version)"));
        waitFor(d -> launcher().isDisplayed());
        return this;
    }

    void reload() {
        driver.navigate().refresh();
        waitFor(d -> js("return !!(window.OSSLiveChat && window.OSSLiveChat.version)"));
        waitFor(d -> launcher().isDisplayed());
    }

    SearchContext shadow() {
        return driver.findElement(By.cssSelector("oss-livechat")).getShadowRoot();
    }

    WebElement launcher() {
        return shadow().findElement(By.cssSelector(".launcher"));
    }

    WebElement panel() {
        return shadow().findElement(By.cssSelector(".panel"));
    }

    WebElement find(String css) {
        return shadow().findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return shadow().findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !findAll(css).isEmpty();
    }

    /**
     * Clicks an element of the widget; a re-render in between just means finding it again, and an
     * element still sliding in (not yet clickable) is tried again.
     */
    void click(String css) {
        act(
                d -> {
                    find(css).click();
                    return true;
                });
    }

    /**
     * The element that has the keyboard focus inside the widget's shadow root. The page's own
     * {@code activeElement} is only the {@code <oss-livechat>} host, which has no size: keys sent
     * to it are refused as not interactable.
     */
    WebElement focused() {
        return waitFor(
                d ->
                        (WebElement)
                                js(
                                        "const h = document.querySelector('oss-livechat');"
                                                + " return h && h.shadowRoot.activeElement;"));
    }

    /** Presses keys on the widget's focused element, as a keyboard user would. */
    void press(CharSequence... keys) {
        act(
                d -> {
                    focused().sendKeys(keys);
                    return true;
                });
    }

    /** Types into an element of the widget, found again if the widget re-rendered it meanwhile. */
    void typeInto(String css, CharSequence... keys) {
        act(
                d -> {
                    find(css).sendKeys(keys);
                    return true;
                });
    }

    /** Types into the chat's message box (Keys.ENTER sends). */
    void typeInComposer(CharSequence... keys) {
        typeInto("#osslc-composer", keys);
    }

    /** The text of an element of the widget, waiting until it is there. */
    String text(String css) {
        return waitFor(d -> find(css).getText());
    }

    /** The texts of every element {@code css} finds, read in one go (again after a re-render). */
    List<String> texts(String css) {
        return waitFor(d -> findAll(css).stream().map(WebElement::getText).toList());
    }

    /**
     * An attribute of every element {@code css} finds, read in one go (again after a re-render).
     */
    List<String> attributes(String css, String attribute) {
        return waitFor(d -> findAll(css).stream().map(e -> e.getDomAttribute(attribute)).toList());
    }

    /** An attribute of the element {@code css} finds (found again after a re-render). */
    String attribute(String css, String attribute) {
        return waitFor(d -> find(css).getDomAttribute(attribute));
    }

    /**
     * Opens the panel unless it is open. Whether it is open is the widget's {@code hidden}, not
     * Selenium's visibility: a panel that reopened by itself after a reload is still fading in
     * (opacity 0 for a moment), and a click then would close it again.
     */
    void openWidget() {
        if ("true".equals(panel().getDomProperty("hidden"))) {
            click(".launcher");
        }
        waitFor(d -> panel().isDisplayed());
    }

    /** The id of the element focused inside the widget, or null. */
    String focusedId() {
        return (String)
                js(
                        "const a = document.querySelector('oss-livechat').shadowRoot.activeElement;"
                                + " return a ? (a.id || a.className) : null;");
    }

    void type(String field, String value) {
        act(
                d -> {
                    WebElement input = find("#osslc-f-" + field);
                    input.clear();
                    input.sendKeys(value);
                    return true;
                });
    }

    void choose(String field, String visibleText) {
        new org.openqa.selenium.support.ui.Select(find("#osslc-f-" + field))
                .selectByVisibleText(visibleText);
    }

    /** Fills the pre-chat form with a valid visitor and the first topic, and submits it. */
    void startChat(String name, String email, String message) {
        openWidget();
        type("name", name);
        type("email", email);
        type("phone", "+62 812-3456-7890");
        type("company", "PT Contoh Sejahtera");
        type("position", "Direktur");
        click("#osslc-f-topic option:nth-child(2)");
        if (message != null) {
            type("message", message);
        }
        click("form.form button[type=submit]");
        // the chat view, or the form's refusal: say why at once rather than time out
        String refusal =
                waitFor(
                        d -> {
                            if (present(".status-box")) {
                                return "";
                            }
                            if (present("form.form[aria-busy=false] .field-error")
                                    || present("form.form[aria-busy=false] .alert")) {
                                return String.join(
                                        " | ",
                                        findAll("form.form .field-error, form.form .alert").stream()
                                                .map(WebElement::getText)
                                                .toList());
                            }
                            return null;
                        });
        if (!refusal.isEmpty()) {
            throw new AssertionError("The pre-chat form was refused: " + refusal);
        }
    }

    /** The error shown next to a field of the pre-chat form, or null. */
    String fieldError(String field) {
        List<WebElement> errors = findAll("[data-field=" + field + "] .field-error");
        return errors.isEmpty() ? null : errors.get(0).getText();
    }

    /** Waits until the field shows an error, and gives its text. */
    String waitForFieldError(String field) {
        String error = waitFor(d -> fieldError(field));
        return error;
    }

    String browserId() {
        return (String) js("return window.OSSLiveChat.getBrowserId()");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitFor(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition);
    }

    /**
     * An action on the widget (a click, keys), tried again until the element can take it: found
     * again after a re-render, and waited for while it is not yet visible or covered by the panel
     * sliding in. A refused action did nothing, so trying again is safe.
     */
    private void act(Function<org.openqa.selenium.WebDriver, Boolean> action) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(action);
    }

    /** Saves the viewport as {@code <dir>/<name>.png}; CI writes them under target/. */
    Path screenshot(String name) {
        try {
            // let animations (the panel's slide-in) settle: wait for no running animations
            waitFor(
                    d ->
                            (Boolean)
                                    js(
                                            "const r = document.querySelector('oss-livechat');"
                                                    + " const s = r && r.shadowRoot;"
                                                    + " return !s || s.getAnimations().every(a =>"
                                                    + " a.playState !== 'running'"
                                                    + " || a.effect.getTiming().iterations === Infinity);"));
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir; the OS cleans it
            }
        }
    }
}
