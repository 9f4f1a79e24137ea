package org.hanse.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hanse.app.security.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The web UI in a real browser (Debian's Chromium through Playwright) against the running server on H2: sign-in, joining
 * from a config file, orders decided live, a buffer going red with the neighbour warned, a simulation with its chart,
 * and the forbidden paths. Screenshots of the main pages go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H", "hanse.buffers.tick=PT1S",
        "hanse.security.operator-email=operator@hanse.test", "hanse.security.operator-password=" + WebUiBrowserTest.OPERATOR_PASSWORD})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class WebUiBrowserTest extends ApiTestSupport {

    static final String OPERATOR_PASSWORD = "operator-secret-1";
    static final String PASSWORD = "correct horse battery";

    static Browser browser;

    @Autowired
    People people;

    @BeforeAll
    static void startBrowser(@Autowired org.springframework.core.env.Environment env) {
        browser = new Browser(Integer.parseInt(env.getProperty("local.server.port")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Every page ran under its Content-Security-Policy without anything refused (no inline script, handler or eval). */
    @AfterEach
    void nothingWasRefusedByThePolicy() {
        assertThat(browser.takePolicyViolations()).isEmpty();
    }

    @Test
    void thePolicyRefusesAnInlineScriptAndTheTestsWouldHearOfIt() {
        Page page = browser.desk();
        page.navigate("/login");
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.head.appendChild(s); }");
        page.waitForCondition(browser::policyRefusedSomething);
        assertThat(page.evaluate("window.__ran === true")).isEqualTo(false);
        assertThat(browser.takePolicyViolations()).anyMatch(v -> v.contains("script-src"));
    }

    /** A node admin for a node registered over the API. */
    String admin(String node) {
        String email = "admin@" + node + ".test";
        people.createNodeAdmin(node, email, "Admin of " + node, PASSWORD);
        return email;
    }

    void capacity(String node, String key) {
        Api.Response r = api.put("/api/v1/nodes/" + node + "/capacity", key, "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(GTIN_BOARD));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    void theOperatorSignsInAfterAWrongPasswordAndSeesTheNetworkMap() {
        String buyer = id("map-b");
        String supplier = id("map-s");
        Map<String, String> keys = linked(buyer, supplier);
        // The supplier announces its exit: the map marks it.
        Api.Response exit = api.postJson("/api/v1/nodes/" + supplier + "/exit", keys.get(supplier), Map.of("type", "CLOSURE",
                "exitAt", Instant.now().plus(Duration.ofDays(60)).toString(), "reason", "retiring"));
        assertThat(exit.status()).as(exit.text()).isIn(200, 201);
        Page page = browser.desk();
        page.navigate("/ui");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        Browser.signIn(page, "operator@hanse.test", "wrong password!!");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The email or the password is not right");
        Browser.signIn(page, "operator@hanse.test", OPERATOR_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/ui/network$"));
        // The graph drew every registered node, and the table lists the same facts for screen readers.
        page.waitForCondition(() -> page.locator("#graph[data-ready]").count() == 1);
        int drawn = Integer.parseInt(page.locator("#graph").getAttribute("data-ready"));
        long registered = jdbc.sql("SELECT COUNT(*) FROM node").query(Long.class).single();
        assertThat(drawn).isEqualTo((int) registered);
        long exits = jdbc.sql("SELECT COUNT(*) FROM node_exit").query(Long.class).single();
        assertThat(page.locator("#graph")).hasAttribute("data-exited", String.valueOf(exits));
        assertThat(page.locator("table tr", new Page.LocatorOptions().setHasText(supplier))).containsText("exit ANNOUNCED");
        assertThat(page.locator("table a", new Page.LocatorOptions().setHasText(buyer))).hasCount(1);
        page.getByLabel("Colour nodes by").selectOption("trust");
        assertThat(page.locator("#legend-trust")).isVisible();
        Browser.screenshot(page, "network");
    }

    @Test
    void theOperatorVerifiesANodeInItsWorkspace() {
        String node = id("verify");
        register(node, "order-sync");
        Page page = browser.desk();
        page.navigate("/ui/nodes/" + node);
        if (page.url().endsWith("/login")) {
            Browser.signIn(page, "operator@hanse.test", OPERATOR_PASSWORD);
            page.navigate("/ui/nodes/" + node);
        }
        assertThat(page.locator("#continuity-list")).containsText("Not verified by the platform operator");
        page.locator("#verification-note").fill("register extract checked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify this node")).click();
        assertThat(page.locator("#continuity-list")).containsText("register extract checked");
        assertThat(jdbc.sql("SELECT note FROM node_verification WHERE node_id = ?").param(node).query(String.class).single())
                .isEqualTo("register extract checked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw verification")).click();
        assertThat(page.locator("#continuity-list")).containsText("Not verified by the platform operator");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM node_verification WHERE node_id = ?").param(node).query(Long.class).single()).isZero();
    }

    @Test
    void fiveWrongPasswordsLockTheEmailEvenForTheRightOne() {
        String node = id("guess");
        register(node, "order-sync");
        String email = admin(node);
        Page page = browser.desk();
        for (int k = 0; k < 5; k++) {
            Browser.signIn(page, email, "wrong password " + k);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("The email or the password is not right");
        }
        Browser.signIn(page, email, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?locked$"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Too many failed sign-ins");
    }

    @Test
    void aNodeJoinsFromItsConfigFileAfterFixingTheErrorShownAtItsLine() {
        String node = id("joiner");
        String config = """
                node:
                  id: %s
                  name: "Tischlerei Join"
                  roles: [manufacturer]
                  location: { lat: 52.03, lon: 8.53 }
                modules: [order-sync, inventory-notify]
                bom-mapping:
                  - local: OAK-18
                    material: "%s"
                    unit: { local: sheet, code: XXX, factor: 1 }
                """.formatted(node, GTIN_BOARD);
        Page page = browser.desk();
        page.navigate("/join");
        // Keyboard first: the first Tab reaches the skip link.
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip")).isFocused();
        page.setInputFiles("#config-file", new FilePayload("node.yaml", "application/yaml", config.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#config")).hasValue(config);
        page.getByLabel("Your name").fill("Jana Join");
        page.getByLabel("Email").fill("jana@" + node + ".test");
        page.locator("#password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
        // The unknown unit is on line 10 of the file: listed with its line and path, and marked in the file.
        assertThat(page.locator("#join-problems")).containsText("Line 10:");
        assertThat(page.locator("#join-problems")).containsText("bom-mapping[0].unit.code");
        assertThat(page.locator("#config-lines [data-line='10']")).hasClass("bad");
        assertThat(page.locator("#config-lines .bad")).hasCount(1);
        Browser.screenshot(page, "join-errors");
        // Nothing was stored.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM node WHERE id = ?").param(node).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE node_id = ?").param(node).query(Long.class).single()).isZero();

        page.locator("#config").fill(config.replace("code: XXX", "code: C62"));
        page.locator("#password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
        String key = page.locator("#api-key").textContent().trim();
        assertThat(key).startsWith("hk_");
        Browser.screenshot(page, "joined");
        // The key shown once works for machines; the admin is signed in and lands in the workspace.
        assertThat(api.get("/api/v1/nodes/" + node, key).status()).isEqualTo(200);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open your workspace")).click();
        assertThat(page.locator("h1")).containsText("Tischlerei Join");
        assertThat(page.locator(".who")).containsText("Node admin");

        // Later the admin edits the same file: an error is shown at its line and nothing changes; a fix is version 2.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Config file")).click();
        String stored = page.locator("#config").inputValue();
        assertThat(stored).contains("Tischlerei Join");
        page.locator("#config").fill(stored.replace("order-sync", "order-sink"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page.locator("#join-problems")).containsText("modules[0]");
        assertThat(page.locator("#config-lines .bad")).hasCount(1);
        assertThat(api.get("/api/v1/nodes/" + node, key).<Number>at("version").intValue()).isEqualTo(1);
        page.locator("#config").fill(stored.replace("Tischlerei Join", "Tischlerei Join & Söhne"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save a new version")).click();
        assertThat(page.locator("#config-updated")).containsText("Stored as version 2");
        assertThat(api.get("/api/v1/nodes/" + node, key).<String>at("name")).isEqualTo("Tischlerei Join & Söhne");
    }

    @Test
    void aNodeAsksANewSupplierWhoAcceptsFromItsWorkspace() {
        String buyer = id("asker");
        String supplier = id("asked");
        register(buyer, "order-sync, inventory-notify");
        register(supplier, "order-sync, inventory-notify");
        Page buyerPage = browser.desk();
        Browser.signIn(buyerPage, admin(buyer), PASSWORD);
        Page supplierPage = browser.desk();
        Browser.signIn(supplierPage, admin(supplier), PASSWORD);
        buyerPage.getByLabel("Partner's node id").fill(supplier);
        buyerPage.getByLabel("The partner would").selectOption("supplier");
        buyerPage.getByLabel("Materials (codes, comma-separated)").fill("06901234000000");
        buyerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
        // A bad GTIN check digit is refused with its path; the right one is sent.
        assertThat(buyerPage.locator("#links-list .problem")).containsText("materials[0]");
        buyerPage.getByLabel("Materials (codes, comma-separated)").fill(GTIN_BOARD);
        buyerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
        assertThat(buyerPage.locator("#links-list")).containsText("Asked " + supplier + " to supply you");

        supplierPage.reload();
        Locator request = supplierPage.locator("#links-list li", new Page.LocatorOptions().setHasText(buyer));
        assertThat(request).containsText("wants to buy from you");
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept the request of " + buyer)).click();
        assertThat(supplierPage.locator("#links-list")).not().containsText(buyer);
        buyerPage.reload();
        assertThat(buyerPage.locator("#partners-list")).containsText(supplier);
        assertThat(buyerPage.locator("#order-item")).containsText(supplier);
    }

    @Test
    void aBuyerPlacesAnOrderAndSeesTheSuppliersDecisionsWithoutReload() {
        String buyer = id("shop");
        String supplier = id("mill");
        Map<String, String> keys = linked(buyer, supplier);
        capacity(supplier, keys.get(supplier));
        Page buyerPage = browser.desk();
        Browser.signIn(buyerPage, admin(buyer), PASSWORD);
        Page supplierPage = browser.desk();
        Browser.signIn(supplierPage, admin(supplier), PASSWORD);
        assertThat(supplierPage.locator("#orders-list")).containsText("No orders from buyers");
        supplierPage.evaluate("window.__notReloaded = true");
        buyerPage.evaluate("window.__notReloaded = true");

        buyerPage.getByLabel("Quantity to order").fill("50");
        buyerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place order")).click();
        // 50 sheets at 100 an hour are 0.5 h of work against two weeks: routine.
        assertThat(buyerPage.locator("#order-form .notice")).containsText("ACCEPTED_ROUTINE");
        Locator out = buyerPage.locator("#orders-list tr[data-order]");
        assertThat(out).hasCount(1);
        assertThat(out).containsText("ACCEPTED_ROUTINE");
        String order = out.getAttribute("data-order");
        assertThat(api.get("/api/v1/orders/" + order, keys.get(buyer)).<String>at("outcome")).isEqualTo("ACCEPTED_ROUTINE");

        // The supplier's open page shows the order by itself, then the supplier rejects it there.
        Locator in = supplierPage.locator("#orders-list tr[data-order='" + order + "']");
        assertThat(in).containsText("ACCEPTED_ROUTINE", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        Browser.screenshot(supplierPage, "workspace-supplier");
        in.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject order " + order)).click();
        assertThat(in).containsText("REJECTED");
        // …and the buyer sees the rejection appear without reloading.
        assertThat(buyerPage.locator("#orders-list tr[data-order='" + order + "']")).containsText("REJECTED",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(buyerPage.evaluate("window.__notReloaded === true")).isEqualTo(true);
        assertThat(supplierPage.evaluate("window.__notReloaded === true")).isEqualTo(true);
        assertThat(api.get("/api/v1/orders/" + order, keys.get(buyer)).<String>at("status")).isEqualTo("REJECTED");
        Browser.screenshot(buyerPage, "workspace-buyer");

        // The order page shows the decision and its chain schedule.
        buyerPage.navigate("/ui/orders/" + order);
        assertThat(buyerPage.locator("#chain-h")).isVisible();
        assertThat(buyerPage.locator("h1")).containsText("REJECTED");
        // … and where the order sits in the ledger, the same entry the API names, with its inclusion proof.
        Object index = ((Map<?, ?>) api.get("/api/v1/orders/" + order, keys.get(buyer)).at("ledger")).get("index");
        assertThat(buyerPage.locator("#ledger-index")).hasText(String.valueOf(index));
        assertThat(buyerPage.locator("a", new Page.LocatorOptions().setHasText("inclusion proof")))
                .hasAttribute("href", Pattern.compile("/api/v1/ledger/proofs/inclusion\\?index=" + index + "&size=\\d+"));
        Browser.screenshot(buyerPage, "order");
    }

    /** N keeps boards: 600 received 56 days ago, then 10 consumed each day (40 on hand); U supplies N, D buys from N. */
    @Test
    void aBufferGoesRedAfterConsumptionAndTheWarningAppearsAtTheNeighbour() {
        String n = id("n");
        String u = id("u");
        String d = id("d");
        String nKey = register(n, "order-sync, inventory-notify, exception-broadcast");
        String uKey = register(u, "order-sync, inventory-notify, exception-broadcast");
        String dKey = register(d, "order-sync, inventory-notify, exception-broadcast");
        link(n, nKey, u, uKey);
        link(d, dKey, n, nKey);
        assertThat(api.put("/api/v1/nodes/" + n + "/buffer-settings", nKey, "application/json", "{\"default-lead-time\": \"P4D\"}").status()).isEqualTo(200);
        Instant now = Instant.now();
        assertThat(move(n, nKey, "RECEIPT", "600", now.minus(Duration.ofDays(56))).status()).isEqualTo(201);
        for (int k = 55; k >= 0; k--) {
            assertThat(move(n, nKey, "CONSUMPTION", "10", now.minus(Duration.ofDays(k)).minusSeconds(5)).status()).isEqualTo(201);
        }
        Page nPage = browser.desk();
        Browser.signIn(nPage, admin(n), PASSWORD);
        Page dPage = browser.desk();
        Browser.signIn(dPage, admin(d), PASSWORD);
        Locator row = nPage.locator("#buffers-list tr[data-material='" + GTIN_BOARD + "']");
        // 40 on hand against B_lo = 10 and B_hi = 120 (the buffer API test works these out): inside, green.
        assertThat(row).hasAttribute("data-zone", "INSIDE");
        assertThat(row).containsText("green · inside");
        assertThat(dPage.locator("#warnings-list")).containsText("Nothing to act on");

        nPage.getByLabel("Kind").selectOption("CONSUMPTION");
        nPage.getByLabel("Quantity moved").fill("35");
        nPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
        // 5 left, below B_lo: red, and depletion comes before replenishment.
        assertThat(row).hasAttribute("data-zone", "BELOW");
        assertThat(row).containsText("red · below");
        assertThat(row).containsText("warning");
        Browser.screenshot(nPage, "workspace-buffer-red");
        Locator warning = dPage.locator("#warnings-list li[data-type='STOCKOUT_WARNING']");
        assertThat(warning).containsText(n, new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        Browser.screenshot(dPage, "workspace-warning");
        // D answers the warning from its page; the answer reaches N.
        warning.getByLabel("Lower my daily use to").fill("6");
        warning.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Answer")).click();
        assertThat(dPage.locator("#toast")).containsText("Your answer was sent");
        assertThat(awaitEvents(n, nKey, "WARNING_ANSWERED", 1).get(0).get("sender")).isEqualTo(d);
    }

    Api.Response move(String node, String key, String kind, String quantity, Instant at) {
        return api.postJson("/api/v1/nodes/" + node + "/stock/movements", key,
                Map.of("material", GTIN_BOARD, "kind", kind, "quantity", quantity, "occurredAt", at.toString()));
    }

    @Test
    void aSmallSimulationRunsWithProgressAndShowsItsCharts() {
        String node = id("sim");
        register(node, "order-sync");
        Page page = browser.desk();
        Browser.signIn(page, admin(node), PASSWORD);
        page.navigate("/ui/simulator");
        // A broken scenario is refused with its path.
        page.locator("#scenario").fill("name: broken\nhorizon: -5\n");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run")).click();
        assertThat(page.locator("#start .problem")).containsText("horizon");
        // The bundled reference network, made small: 4 replications (its disruptions fall within the 400 days).
        String reference = page.request().get("/ui/simulator/scenarios/reference").text();
        page.locator("#scenario").fill(reference.replace("replications: 20", "replications: 4"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run")).click();
        assertThat(page).hasURL(Pattern.compile(".*/ui/simulator/runs/[0-9a-f]{8}$"));
        Locator charts = page.locator(".report figure svg");
        try {
            assertThat(charts.first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        } catch (AssertionError e) {
            Browser.screenshot(page, "simulation-failed");
            throw new AssertionError("no chart; the page shows: " + page.locator("main").innerText(), e);
        }
        assertThat(page.locator(".report")).containsText("Bullwhip ratio per tier");
        assertThat(charts.count()).isGreaterThanOrEqualTo(4);
        // Opened again once finished, the page shows the report at once.
        page.reload();
        assertThat(charts.first()).isVisible();
        Browser.screenshot(page, "simulation");
        String run = page.url().substring(page.url().lastIndexOf('/') + 1);
        APIResponse summary = page.request().get("/ui/simulator/runs/" + run + "/summary.json");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.text()).contains("\"replications\": 4").contains("\"tiers\"");

        // Another person cannot see the run.
        String other = id("sim-other");
        register(other, "order-sync");
        Page otherPage = browser.desk();
        Browser.signIn(otherPage, admin(other), PASSWORD);
        assertThat(otherPage.request().get("/ui/simulator/runs/" + run).status()).isEqualTo(403);
    }

    @Test
    void noPageRevealsAnotherNodesDataAndViewersOnlyRead() {
        String a = id("a");
        String c = id("c");
        String b = id("b");
        String e = id("e");
        Map<String, String> ac = linked(a, c);
        Map<String, String> be = linked(b, e);
        capacity(e, be.get(e));
        Api.Response placed = api.postJson("/api/v1/orders", be.get(b), Map.of("id", "po-" + run, "supplier", e,
                "lines", List.of(Map.of("material", GTIN_BOARD, "quantity", "5", "unit", "C62")),
                "earliest", Instant.now().toString(), "due", Instant.now().plus(Duration.ofDays(10)).toString()));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);

        Page page = browser.desk();
        Browser.signIn(page, admin(a), PASSWORD);
        // Another node's workspace and every panel of it, a neighbour's workspace too, another's order, the operator's map.
        for (String path : List.of("/ui/nodes/" + b, "/ui/nodes/" + b + "/orders", "/ui/nodes/" + b + "/orders/list", "/ui/nodes/" + b + "/buffers",
                "/ui/nodes/" + b + "/warnings", "/ui/nodes/" + b + "/partners", "/ui/nodes/" + b + "/money", "/ui/nodes/" + b + "/continuity",
                "/ui/nodes/" + b + "/people", "/ui/nodes/" + c, "/ui/nodes/" + c + "/orders", "/ui/orders/po-" + run, "/ui/network",
                "/ui/network/graph.json", "/ui/network/alerts")) {
            APIResponse r = page.request().get(path);
            // Another node's order is, to a non-party, as absent as one never placed (404): its id cannot be probed.
            assertThat(r.status()).as(path).isEqualTo(path.startsWith("/ui/orders/") ? 404 : 403);
            assertThat(r.text()).as(path).doesNotContain(b + "\"").doesNotContain("po-" + run + "<");
        }
        page.navigate("/ui/nodes/" + b);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Not allowed");
        // A form posted without the CSRF token is refused and changes nothing.
        APIResponse forged = page.request().post("/ui/nodes/" + a + "/stock/movements",
                RequestOptions.create().setForm(com.microsoft.playwright.options.FormData.create().set("material", GTIN_BOARD)
                        .set("kind", "RECEIPT").set("quantity", "5")));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE node_id = ?").param(a).query(Long.class).single()).isZero();

        // A's admin invites a viewer from the people page; the viewer accepts the link and reads, but cannot act.
        page.navigate("/ui/nodes/" + a + "/people");
        page.getByLabel("Email").fill("viewer@" + a + ".test");
        page.getByLabel("Role").selectOption("VIEWER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();
        String link = page.locator(".secret").textContent().trim();
        assertThat(link).startsWith("http://localhost:").contains("/invitations/hi_");
        Browser.screenshot(page, "people");
        Page viewer = browser.desk();
        viewer.navigate(link);
        viewer.getByLabel("Your name").fill("Vera Viewer");
        viewer.getByLabel("Choose a password").fill(PASSWORD);
        viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        assertThat(viewer).hasURL(Pattern.compile(".*/ui/nodes/" + a + "$"));
        assertThat(viewer.locator(".who")).containsText("Viewer");
        assertThat(viewer.locator("#orders-list")).isVisible();
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place order"))).hasCount(0);
        String csrf = viewer.locator("meta[name=_csrf]").getAttribute("content");
        APIResponse write = viewer.request().post("/ui/nodes/" + a + "/stock/movements", RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf)
                .setForm(com.microsoft.playwright.options.FormData.create().set("material", GTIN_BOARD).set("kind", "RECEIPT").set("quantity", "5")));
        assertThat(write.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE node_id = ?").param(a).query(Long.class).single()).isZero();
        // The invitation is used up.
        Page again = browser.desk();
        again.navigate(link);
        assertThat(again.getByRole(AriaRole.ALERT)).containsText("Not found");
        // The admin removes the viewer: the viewer's open session ends at its next request.
        page.onDialog(dialog -> dialog.accept());
        page.navigate("/ui/nodes/" + a + "/people");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove viewer@" + a + ".test")).click();
        assertThat(page.locator("#people-panel")).containsText("was removed");
        assertThat(page.locator("#people-panel tr[data-person]")).hasCount(1);
        // Its open workspace polls: the next poll is refused and sends the browser to the sign-in page by itself.
        assertThat(viewer).hasURL(Pattern.compile(".*/login\\?ended$"), new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(15_000));
        assertThat(viewer.request().get("/ui/nodes/" + a).url()).endsWith("/login");
        // The API keys still work beside the sessions.
        assertThat(api.get("/api/v1/nodes/" + a, ac.get(a)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/nodes/" + b, ac.get(a)).status()).isEqualTo(403);
    }

    @Test
    void theMainPagesPassTheWcagAaRulesOfAxe() {
        String buyer = id("axe-b");
        String supplier = id("axe-s");
        Map<String, String> keys = linked(buyer, supplier);
        capacity(supplier, keys.get(supplier));
        Page page = browser.desk();
        java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        page.navigate("/login");
        found.put("login", Browser.accessibilityViolations(page));
        page.navigate("/join");
        found.put("join", Browser.accessibilityViolations(page));
        Browser.signIn(page, admin(buyer), PASSWORD);
        page.getByLabel("Quantity to order").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place order")).click();
        assertThat(page.locator("#orders-list tr[data-order]")).hasCount(1);
        assertThat(page.locator("#links-list")).isVisible();
        found.put("workspace", Browser.accessibilityViolations(page));
        page.navigate("/ui/nodes/" + buyer + "/people");
        found.put("people", Browser.accessibilityViolations(page));
        page.navigate("/ui/nodes/" + buyer + "/config");
        found.put("config", Browser.accessibilityViolations(page));
        page.navigate("/ui/simulator");
        found.put("simulator", Browser.accessibilityViolations(page));
        page.navigate("/ui/account");
        found.put("account", Browser.accessibilityViolations(page));
        Page operator = browser.desk();
        Browser.signIn(operator, "operator@hanse.test", OPERATOR_PASSWORD);
        operator.waitForCondition(() -> operator.locator("#graph[data-ready]").count() == 1);
        found.put("network", Browser.accessibilityViolations(operator));
        assertThat(found).allSatisfy((name, violations) -> assertThat(violations).as(name).isEmpty());
        // The checker itself finds what it should: an unlabelled field and grey-on-grey text.
        Page control = browser.desk();
        control.setContent("<!DOCTYPE html><html lang='en'><head><title>t</title></head><body><main><input>"
                + "<p style='color:#aaa;background:#bbb'>faint</p></main></body></html>");
        assertThat(Browser.accessibilityViolations(control)).anyMatch(v -> v.startsWith("label:")).anyMatch(v -> v.startsWith("color-contrast:"));
    }

    @Test
    void theWorkspaceFitsAPhoneAndEveryFieldHasALabel() {
        String buyer = id("phone-b");
        String supplier = id("phone-s");
        linked(buyer, supplier);
        Page page = browser.phone();
        Browser.signIn(page, admin(buyer), PASSWORD);
        assertThat(page.locator("#order-form")).isVisible();
        assertThat(page.locator("#buffers-list")).isVisible();
        assertThat(page.locator("#partners-list")).containsText(supplier);
        Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Object unlabelled = page.evaluate("""
                [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label')).map(el => el.id || el.name)""");
        assertThat((List<?>) unlabelled).isEmpty();
        Browser.screenshot(page, "workspace-phone");
    }
}
