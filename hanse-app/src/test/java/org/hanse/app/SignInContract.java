package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Signing in over real HTTP: back-off per account and per client address, the same answers for known and unknown
 * emails, the platform operator lifting locks (API key and page), and the headers and cookie every page carries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H",
        "hanse.security.operator-email=" + SignInContract.OPERATOR_EMAIL, "hanse.security.operator-password=" + SignInContract.OPERATOR_PASSWORD,
        "server.forward-headers-strategy=native"})
@Import(MutableClock.Config.class)
abstract class SignInContract extends ApiTestSupport {

    static final String PASSWORD = "twelve chars ok";
    static final String OPERATOR_EMAIL = "operator@signin.test";
    static final String OPERATOR_PASSWORD = "operator-secret-2";

    @Autowired
    People people;

    @Autowired
    MutableClock clock;

    /** A client address of this test run: the n-th /64 (2001:db8::/32 is for documentation), host {@code host} in it. */
    String address(int n, int host) {
        return "2001:db8:" + run.substring(0, 4) + ":" + Integer.toHexString(n) + "::" + Integer.toHexString(host);
    }

    String admin(String node) {
        register(node, "order-sync");
        String email = "admin@" + node + ".test";
        people.createNodeAdmin(node, email, "Admin of " + node, PASSWORD);
        return email;
    }

    @Test
    void knownAndUnknownEmailsGetTheSameAnswersAndBothLockAfterFiveFailures() {
        String known = admin(id("known"));
        String unknown = "nobody-" + run + "@nowhere.test";
        WebSession first = new WebSession(port, address(1, 1));
        WebSession second = new WebSession(port, address(2, 1));
        for (int k = 1; k <= 5; k++) {
            String answer = WebSession.answer(first.signIn(known, "wrong password " + k));
            assertThat(answer).isEqualTo("302 /login?failed");
            assertThat(WebSession.answer(second.signIn(unknown, "wrong password " + k))).isEqualTo(answer);
        }
        // The sixth attempt is refused before any password is looked at, the right one included, for both emails alike.
        assertThat(WebSession.answer(first.signIn(known, PASSWORD))).isEqualTo("302 /login?locked");
        assertThat(WebSession.answer(second.signIn(unknown, PASSWORD))).isEqualTo("302 /login?locked");
        // The lock is the account's: from a third address both are still refused, and both pages read the same.
        WebSession third = new WebSession(port, address(3, 1));
        assertThat(WebSession.answer(third.signIn(known, PASSWORD))).isEqualTo("302 /login?locked");
        assertThat(WebSession.answer(third.signIn(" NOBODY-" + run + "@nowhere.TEST", "x"))).isEqualTo("302 /login?locked");
        assertThat(withoutToken(first.get("/login?locked").text())).isEqualTo(withoutToken(second.get("/login?locked").text()))
                .contains("Too many failed sign-ins");
    }

    @Test
    void theBackOffDoublesAfterEachFurtherFailureAndEveryWaitEnds() {
        String email = admin(id("backoff"));
        WebSession session = new WebSession(port, address(4, 1));
        for (int k = 1; k <= 5; k++) {
            assertThat(WebSession.answer(session.signIn(email, "wrong password " + k))).isEqualTo("302 /login?failed");
        }
        assertThat(WebSession.answer(session.signIn(email, PASSWORD))).isEqualTo("302 /login?locked");
        // The fifth failure locked for 1 minute; after it the sixth failure is checked again, and locks for 2 minutes.
        clock.advance(Duration.ofSeconds(61));
        assertThat(WebSession.answer(session.signIn(email, "wrong password 6"))).isEqualTo("302 /login?failed");
        assertThat(WebSession.answer(session.signIn(email, PASSWORD))).isEqualTo("302 /login?locked");
        clock.advance(Duration.ofSeconds(60));
        assertThat(WebSession.answer(session.signIn(email, PASSWORD))).isEqualTo("302 /login?locked");
        // Two minutes and a second after the sixth failure the owner is back in; refused attempts did not prolong the wait.
        clock.advance(Duration.ofSeconds(61));
        assertThat(WebSession.answer(session.signIn(email, PASSWORD))).isEqualTo("302 /ui");
        // The success forgot the account's failures: one wrong password is one failure again.
        WebSession later = new WebSession(port, address(4, 2));
        assertThat(WebSession.answer(later.signIn(email, "wrong password 7"))).isEqualTo("302 /login?failed");
        assertThat(WebSession.answer(later.signIn(email, PASSWORD))).isEqualTo("302 /ui");
    }

    @Test
    void anAddressGuessingAtManyEmailsIsLockedButTheOwnerSignsInFromElsewhere() {
        String email = admin(id("spray"));
        // Twenty failures from two hosts of one /64, each at another email: no account reaches its five.
        for (int k = 0; k < 20; k++) {
            WebSession guesser = new WebSession(port, address(5, 1 + k % 2));
            assertThat(WebSession.answer(guesser.signIn("guess-" + k + "-" + run + "@spray.test", "password " + k))).isEqualTo("302 /login?failed");
        }
        WebSession sameNetwork = new WebSession(port, address(5, 0xbeef));
        assertThat(WebSession.answer(sameNetwork.signIn(email, PASSWORD))).isEqualTo("302 /login?locked");
        WebSession owner = new WebSession(port, address(6, 1));
        assertThat(WebSession.answer(owner.signIn(email, PASSWORD))).isEqualTo("302 /ui");
        assertThat(owner.get("/ui/account").status()).isEqualTo(200);
    }

    @Test
    void thePlatformOperatorSeesAndLiftsLocksWithTheKeyAndOnItsPage() {
        String email = admin(id("unlock"));
        String nodeKey = register(id("unlock-other"), "order-sync");
        WebSession stranger = new WebSession(port, address(7, 1));
        for (int k = 1; k <= 5; k++) {
            stranger.signIn(email, "wrong password " + k);
            stranger.signIn(OPERATOR_EMAIL, "wrong password " + k);
        }
        // Anyone could lock the operator's sign-in, but not its key: the key lists the locks and lifts its own.
        assertThat(WebSession.answer(stranger.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD))).isEqualTo("302 /login?locked");
        assertThat(api.get("/api/v1/sign-in/locks", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/sign-in/locks", nodeKey).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/sign-in/unlock", nodeKey, Map.of("account", email)).status()).isEqualTo(403);
        List<Map<String, Object>> locks = api.get("/api/v1/sign-in/locks", OPERATOR).at("items");
        assertThat(locks).filteredOn(l -> email.equals(l.get("key")))
                .singleElement().satisfies(l -> assertThat(l).containsEntry("kind", "ACCOUNT").containsEntry("failures", 5));
        assertThat(locks).filteredOn(l -> OPERATOR_EMAIL.equals(l.get("key"))).hasSize(1);

        Api.Response bad = api.postJson("/api/v1/sign-in/unlock", OPERATOR, Map.of("account", OPERATOR_EMAIL, "address", "signin.example"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).containsExactly("address: must be an IPv4 or IPv6 address (an IPv6 lock may be given as its /64)");
        assertThat(api.postJson("/api/v1/sign-in/unlock", OPERATOR, Map.of()).errors()).extracting(e -> e.split(":")[0]).containsExactly("account");
        assertThat(api.postJson("/api/v1/sign-in/unlock", OPERATOR, Map.of("account", "x".repeat(255))).errors())
                .containsExactly("account: must be at most 254 characters");
        // The rejected requests lifted nothing.
        assertThat(WebSession.answer(new WebSession(port, address(8, 1)).signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD))).isEqualTo("302 /login?locked");

        Api.Response lifted = api.postJson("/api/v1/sign-in/unlock", OPERATOR, Map.of("account", " " + OPERATOR_EMAIL.toUpperCase() + " "));
        assertThat(lifted.status()).as(lifted.text()).isEqualTo(200);
        assertThat(lifted.<Integer>at("cleared")).isEqualTo(1);
        WebSession operator = new WebSession(port, address(8, 1));
        assertThat(WebSession.answer(operator.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD))).isEqualTo("302 /ui");

        // On its page the operator presses the node admin's Unlock button.
        Api.Response page = operator.get("/ui/sign-in-locks");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-lock=\"" + email + "\"", "/ui/sign-in-locks/unlock").doesNotContain("data-lock=\"" + OPERATOR_EMAIL + "\"");
        Api.Response unlocked = operator.post("/ui/sign-in-locks", "/ui/sign-in-locks/unlock", Map.of("account", email));
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.text()).contains("Unlocked " + email).doesNotContain("data-lock=\"" + email + "\"");
        Api.Response invalid = operator.post("/ui/sign-in-locks", "/ui/sign-in-locks/unlock", Map.of("address", "999.1.1.1"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text()).contains("<code>address</code>");
        WebSession admin = new WebSession(port, address(9, 1));
        assertThat(WebSession.answer(admin.signIn(email, PASSWORD))).isEqualTo("302 /ui");
        // The page and its button are the platform operator's alone.
        assertThat(admin.get("/ui/sign-in-locks").status()).isEqualTo(403);
    }

    @Test
    void pagesForbidInlineScriptsAndTheSessionCookieIsLaxAndSecureOverTls() {
        Api.Response login = new WebSession(port, null).get("/login");
        String policy = login.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        String scripts = policy.replaceAll(".*script-src([^;]*).*", "$1");
        assertThat(scripts).isEqualTo(" 'self'");
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(login.header("Permissions-Policy")).contains("camera=()", "geolocation=()");
        String cookie = sessionCookie(login);
        assertThat(cookie).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
        assertThat(sessionCookie(new WebSession(port, null).overTls().get("/login"))).contains("SameSite=Lax", "HttpOnly", "Secure");
        // The API answers carry no cookie and a referrer policy too.
        assertThat(api.get("/api/v1/units", OPERATOR).header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void healthDetailsAndPrometheusAreForTheOperatorKeyOnly() {
        String nodeKey = register(id("metrics"), "order-sync");
        for (String key : new String[] {null, nodeKey, "not-a-key"}) {
            Api.Response health = api.get("/actuator/health", key);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.map()).containsEntry("status", "UP").doesNotContainKeys("components", "details");
        }
        Api.Response details = api.get("/actuator/health", OPERATOR);
        assertThat(details.<Map<String, Object>>at("components")).containsKeys("db", "diskSpace");
        Api.Response anonymous = api.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/actuator/prometheus", nodeKey).status()).isEqualTo(403);
        Api.Response metrics = api.get("/actuator/prometheus", OPERATOR);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes").doesNotContain("\"status\"");
    }

    private static String sessionCookie(Api.Response response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    private static String withoutToken(String html) {
        return html.replaceAll("(name=\"_csrf\" value=\")[^\"]+", "$1").replaceAll("(name=\"_csrf\" content=\")[^\"]+", "$1")
                .replaceAll("(meta name=\"_csrf\" content=\")[^\"]+", "$1");
    }
}
