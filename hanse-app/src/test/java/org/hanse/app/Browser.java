package org.hanse.app;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java: no browser download (the build installs {@code chromium}), headless,
 * with the flags that keep it off the network. One browser per test class; a fresh context (cookies, session) per person.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("HANSE_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String base;
    private final List<String> policyViolations = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    Browser(int port) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic")));
        base = "http://localhost:" + port;
    }

    /** A new person at a desk (1280 × 900). */
    Page desk() {
        return page(1280, 900);
    }

    /** A new person on a phone (390 × 844, touch). */
    Page phone() {
        BrowserContext context = browser.newContext(new NewContextOptions().setBaseURL(base).setViewportSize(390, 844).setHasTouch(true)
                .setIsMobile(true).setDeviceScaleFactor(2));
        return watched(context).newPage();
    }

    private Page page(int width, int height) {
        BrowserContext context = browser.newContext(new NewContextOptions().setBaseURL(base).setViewportSize(width, height));
        return watched(context).newPage();
    }

    /** Chromium reports whatever the Content-Security-Policy blocked on the console: collected, so a test can insist on none. */
    private BrowserContext watched(BrowserContext context) {
        context.setDefaultTimeout(15_000);
        context.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                policyViolations.add(m.text());
            }
        });
        return context;
    }

    boolean policyRefusedSomething() {
        return !policyViolations.isEmpty();
    }

    /** Every console report of a script, style or request the pages' policy refused since the last call; cleared. */
    List<String> takePolicyViolations() {
        synchronized (policyViolations) {
            List<String> taken = List.copyOf(policyViolations);
            policyViolations.clear();
            return taken;
        }
    }

    static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
    }

    /**
     * The WCAG 2 A and AA violations axe-core finds on the page as it is now (contrast, labels, names, landmarks…),
     * each as "rule: count × help @ first targets".
     */
    @SuppressWarnings("unchecked")
    static List<String> accessibilityViolations(Page page) {
        // Our pages refuse inline scripts, so axe comes from the server (the test classpath's webjar); a page set by
        // setContent has no server and no policy, so it gets the same file inline.
        String axe = "/webjars/axe-core/4.6.3/axe.min.js";
        if (page.url().startsWith("http")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(axe));
        } else {
            try (var in = Browser.class.getResourceAsStream("/META-INF/resources" + axe)) {
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return (List<String>) page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
                  return r.violations.map(v => v.id + ': ' + v.nodes.length + ' × ' + v.help + ' @ '
                    + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
                }""");
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
