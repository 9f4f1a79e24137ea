package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hanse.app.security.People;
import org.hanse.app.security.SignedInPerson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The authorization matrix, generated from the OpenAPI document: every operation in {@code /v3/api-docs} is called as
 * anonymous, as the owning node, as a linked partner, as an unrelated node, as a signed-in viewer (a web session, which
 * the key-only API must not accept), as the platform operator and as a lender (which gets what a stranger gets on a node's endpoints), and the answer's class is compared with the table
 * {@code authorization-matrix.tsv} beside this test. An operation without a row, or a row without an operation, fails.
 *
 * <p>Classes: {@code 2xx}; {@code 400}, {@code 409}, {@code 415} (allowed to ask, the empty request is refused on its
 * content); {@code 401}, {@code 403}, {@code 404} (not allowed, or not visible to the caller).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-matrix;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class AuthorizationMatrixTest extends ApiTestSupport {

    static final Path TABLE = Path.of("src/test/resources/authorization-matrix.tsv");
    static final List<String> CALLERS = List.of("anonymous", "owner", "partner", "stranger", "viewer", "operator", "lender");
    static final String BOARD = "4012345000016";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    People people;

    /** The fixture: owner (a buyer) linked to partner (its supplier), an unrelated node, an order and a shipment. */
    record Fixture(String owner, String partner, String stranger, Map<String, String> keys, String viewerCookie,
                   String link, String order, String shipment, String missing, String ledgerEntry, String lender, String lenderKey) {
    }

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() throws Exception {
        Fixture f = fixture();
        List<Operation> operations = operations();
        Map<String, List<String>> table = table();
        assertThat(new TreeSet<>(table.keySet())).as("rows in %s without an operation in /v3/api-docs", TABLE)
                .isSubsetOf(operations.stream().map(Operation::name).toList());
        List<String> missing = operations.stream().map(Operation::name).filter(n -> !table.containsKey(n)).toList();
        List<String> actualRows = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Operation op : operations) {
            List<String> got = new ArrayList<>();
            for (String caller : CALLERS) {
                got.add(answerClass(call(op, caller, f)));
            }
            actualRows.add(op.name() + "\t" + String.join("\t", got));
            List<String> expected = table.get(op.name());
            if (expected != null && !expected.equals(got)) {
                mismatches.add(op.name() + ": expected " + expected + " but got " + got);
            }
        }
        Files.writeString(Path.of("target/authorization-matrix.actual.tsv"), String.join("\n", actualRows) + "\n");
        assertThat(missing).as("operations without a row in %s (actual answers in target/authorization-matrix.actual.tsv)", TABLE).isEmpty();
        assertThat(mismatches).as("cells that differ from %s", TABLE).isEmpty();
    }

    /** One operation of the OpenAPI document, with the content type of its request body (null when it has none). */
    record Operation(String method, String path, String contentType) {
        String name() {
            return method + " " + path;
        }
    }

    @SuppressWarnings("unchecked")
    List<Operation> operations() {
        Api.Response docs = api.get("/v3/api-docs", OPERATOR);
        assertThat(docs.status()).isEqualTo(200);
        Map<String, Map<String, Object>> paths = docs.at("paths");
        List<Operation> out = new ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, spec) -> {
            if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) spec).get("requestBody");
            String type = null;
            if (body != null) {
                Map<String, Object> content = (Map<String, Object>) body.get("content");
                type = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
            }
            out.add(new Operation(method.toUpperCase(), path, type));
        }));
        // Reads first, so that the writes (which may change the fixture) come after every read.
        out.sort(Comparator.comparing((Operation o) -> !o.method().equals("GET")).thenComparing(Operation::path).thenComparing(Operation::method));
        return out;
    }

    static Map<String, List<String>> table() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            assertThat(cells).as("row '%s' needs the operation and %d cells", line, CALLERS.size()).hasSize(CALLERS.size() + 1);
            assertThat(rows.put(cells[0], List.of(cells).subList(1, cells.length))).as("duplicate row %s", cells[0]).isNull();
        }
        return rows;
    }

    static String answerClass(int status) {
        assertThat(status).as("no operation may answer with a server error").isLessThan(500);
        return status >= 200 && status < 300 ? "2xx" : String.valueOf(status);
    }

    int call(Operation op, String caller, Fixture f) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(resolve(op.path(), f))).timeout(Duration.ofSeconds(30));
        String key = switch (caller) {
            case "owner" -> f.keys().get(f.owner());
            case "partner" -> f.keys().get(f.partner());
            case "stranger" -> f.keys().get(f.stranger());
            case "operator" -> OPERATOR;
            case "lender" -> f.lenderKey();
            default -> null;
        };
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (caller.equals("viewer")) {
            request.header("Cookie", f.viewerCookie());
        }
        if (op.contentType() == null) {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            String body = op.contentType().contains("json") ? "{}" : "";
            request.header("Content-Type", op.contentType()).method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        // Headers only: a live feed (server-sent events) never ends, and its status is all the matrix needs.
        HttpResponse<InputStream> response = api.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /** Fills the path's variables from the fixture: nodes are the owner's, pairs are owner → partner. */
    static String resolve(String path, Fixture f) {
        String out = path.replace("{buyer}", f.owner()).replace("{supplier}", f.partner())
                .replace("{truster}", f.owner()).replace("{trustee}", f.partner()).replace("{core}", f.owner()).replace("{lender}", f.lender())
                .replace("{version}", "1").replace("{material}", BOARD).replace("{code}", BOARD);
        if (out.startsWith("/api/v1/nodes/{id}")) {
            out = out.replace("{id}", f.owner());
        } else if (out.startsWith("/api/v1/orders/{id}")) {
            out = out.replace("{id}", f.order());
        } else if (out.startsWith("/api/v1/shipments/{id}")) {
            out = out.replace("{id}", f.shipment());
        } else if (out.startsWith("/api/v1/ledger/entries/{index}")) {
            out = out.replace("{index}", f.ledgerEntry());
        } else if (out.startsWith("/api/v1/links/{id}")) {
            out = out.replace("{id}", f.link());
        }
        return out.replaceAll("\\{[^}]+}", f.missing());
    }

    Fixture fixture() throws Exception {
        String owner = id("mo");
        String partner = id("mp");
        String stranger = id("ms");
        Map<String, String> keys = Map.of(owner, node(owner), partner, node(partner), stranger, node(stranger));
        assertThat(api.put("/api/v1/nodes/" + partner + "/capacity", keys.get(partner), "application/json", """
                {"wip-max": 100, "calendar": {"days-off": []}, "resources": [{"id": "r", "hours-per-day": 24}],
                 "materials": [{"material": "%s", "resource": "r", "rate-per-hour": 100}]}""".formatted(BOARD)).status()).isEqualTo(200);
        Api.Response link = api.postJson("/api/v1/links", keys.get(owner), Map.of("buyer", owner, "supplier", partner, "materials", List.of(BOARD)));
        assertThat(api.post("/api/v1/links/" + link.at("id") + "/accept", keys.get(partner), "application/json", "").status()).isEqualTo(200);
        Instant now = Instant.now();
        String order = "mo-" + run;
        Api.Response placed = api.postJson("/api/v1/orders", keys.get(owner), Map.of("id", order, "supplier", partner,
                "lines", List.of(Map.of("material", BOARD, "quantity", "40", "unit", "H87")),
                "earliest", now.plus(Duration.ofDays(2)).toString(), "due", now.plus(Duration.ofDays(6)).toString()));
        assertThat(placed.<String>at("status")).as(placed.text()).isEqualTo("CONFIRMED");
        String shipment = "msh-" + run;
        assertThat(api.postJson("/api/v1/shipments", keys.get(partner), Map.of("id", shipment, "order", order, "lines",
                List.of(Map.of("material", BOARD, "quantity", "10", "unitPrice", "12.50", "currency", "EUR")))).status()).isEqualTo(201);
        return new Fixture(owner, partner, stranger, keys, viewerSession(owner), link.at("id"), order, shipment, "missing-" + run,
                String.valueOf(placed.<Number>at("ledger.index")), "ml-" + run, lender("ml-" + run));
    }

    /** A lender admitted by the operator; returns its API key. */
    String lender(String id) {
        Api.Response r = api.postJson("/api/v1/institutions", OPERATOR, Map.of("id", id, "kind", "LENDER", "name", "Bank " + id));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    String node(String id) {
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + id + ", name: \"" + id + "\", roles: [manufacturer], "
                + "location: { lat: 52.0, lon: 8.5 } }\nmodules: [order-sync, inventory-notify, exception-broadcast]\nbom-mapping:\n"
                + "  - { local: SP19, material: \"" + BOARD + "\", unit: { local: sheet, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("apiKey");
    }

    /** A viewer of the owner node signed in through the web form; returns its session cookie. */
    String viewerSession(String node) throws Exception {
        String password = "twelve chars ok";
        SignedInPerson admin = people.createNodeAdmin(node, "admin@" + node + ".test", "Admin", password);
        People.Invitation invitation = people.invite(node, "viewer@" + node + ".test", "VIEWER", admin);
        String token = invitation.link().substring(invitation.link().lastIndexOf('/') + 1);
        people.accept(token, "Vera", password);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(api.uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode("viewer@" + node + ".test", StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(api.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("the viewer is signed in").doesNotContain("failed");
        HttpResponse<String> ui = browser.send(HttpRequest.newBuilder(api.uri("/ui/nodes/" + node)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).as("the viewer's session opens the workspace").isEqualTo(200);
        return cookies.getCookieStore().get(URI.create(api.uri("/").toString())).stream()
                .map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
    }
}
