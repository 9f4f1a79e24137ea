package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Bounded resources over real HTTP, with limits set low: YAML bodies 16 KiB, JSON 64 KiB, spreadsheets 256 KiB;
 * an .xlsx may inflate to 4 MiB, no entry past 1 MiB more than 100 times its compressed size; 20 calls per key
 * refilled at one per 20 s, 30 keyless calls per address refilled at one per 100 s. Every bucket starts full: each
 * test first moves the clock an hour on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data",
        "hanse.limits.body.yaml=16KB", "hanse.limits.body.json=64KB", "hanse.limits.body.spreadsheet=256KB",
        "hanse.limits.spreadsheet.max-inflated=4MB", "hanse.limits.spreadsheet.max-ratio=100",
        "hanse.limits.api-rate.keyed.burst=20", "hanse.limits.api-rate.keyed.per-second=0.05",
        "hanse.limits.api-rate.anonymous.burst=30", "hanse.limits.api-rate.anonymous.per-second=0.01"})
@Import(MutableClock.Config.class)
abstract class LimitsApiContract extends ApiTestSupport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MutableClock clock;

    /** HTTP/1.1 only: a body of unknown length is then sent chunked, never as an HTTP/2 upgrade. */
    final HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void fullBuckets() {
        clock.advance(Duration.ofHours(1));
    }

    // ---- request bodies --------------------------------------------------------------------------------------

    @Test
    void aDeclaredLengthAboveTheYamlLimitIsRefusedUnreadAndNothingIsStored() {
        String node = id("big");
        String body = padded(config(node, "Big", "order-sync"), 20 * 1024);
        Api.Response r = api.post("/api/v1/nodes", null, YAML, body);
        assertTooLarge(r, 16 * 1024);
        assertThat(api.get("/api/v1/nodes/" + node, OPERATOR).status()).isEqualTo(404);
    }

    @Test
    void aChunkedYamlBodyIsCutOffAtTheLimitAndNothingIsStored() {
        String node = id("chunked");
        Api.Response r = chunked("/api/v1/nodes", null, YAML, padded(config(node, "Chunked", "order-sync"), 200 * 1024));
        assertTooLarge(r, 16 * 1024);
        assertThat(api.get("/api/v1/nodes/" + node, OPERATOR).status()).isEqualTo(404);

        // The same registration, chunked but within the limit, is read as usual.
        Api.Response small = chunked("/api/v1/nodes", null, YAML, config(node, "Chunked", "order-sync"));
        assertThat(small.status()).as(small.text()).isEqualTo(201);
    }

    @Test
    void aChunkedJsonBodyAboveItsLimitIs413EvenThroughTheJsonReader() {
        String node = id("json");
        String key = register(node, "order-sync");
        String padding = "x".repeat(100 * 1024);
        Api.Response r = chunked("/api/v1/links", key, "application/json",
                "{\"buyer\":\"" + node + "\",\"supplier\":\"nobody\",\"materials\":[\"" + padding + "\"]}");
        assertTooLarge(r, 64 * 1024);
        assertThat(api.get("/api/v1/links", key).<List<?>>at("items")).isEmpty();
    }

    @Test
    void anXlsxAboveTheSpreadsheetLimitIs413() {
        String node = id("sheet");
        String key = register(node, "inventory-notify");
        Api.Response declared = api.post("/api/v1/nodes/" + node + "/stock/import", key, XLSX, "x".repeat(300 * 1024));
        assertTooLarge(declared, 256 * 1024);
        Api.Response streamed = chunked("/api/v1/nodes/" + node + "/stock/import", key, XLSX, "x".repeat(300 * 1024));
        assertTooLarge(streamed, 256 * 1024);
    }

    // ---- spreadsheets ----------------------------------------------------------------------------------------

    @Test
    void anXlsxInflatingPastFourMebibytesIsRefusedBeforeParsingAndChangesNothing() throws IOException {
        String node = id("bomb");
        String key = register(node, "inventory-notify");
        assertThat(importCsv(node, key, "local,quantity\nOAK-BOARD-18,12\n").status()).isEqualTo(200);
        // Five entries of 1 MiB of zeros each: each under the ratio's 1 MiB grace, 5 MiB in all > 4 MiB.
        byte[] zip = zip(5, 1 << 20);
        assertThat(zip.length).isLessThan(64 * 1024);
        Api.Response r = importXlsx(node, key, zip);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.errors()).containsExactly(": the .xlsx file inflates to more than 4194304 bytes (at entry part-4.xml)");
        assertThat(onHand(node, key)).isEqualTo(12);
    }

    @Test
    void anXlsxEntryInflatingMoreThanAHundredFoldIsRefused() throws IOException {
        String node = id("ratio");
        String key = register(node, "inventory-notify");
        // 2 MiB of zeros deflate to about 2 KiB: a ratio near 1 000.
        Api.Response r = importXlsx(node, key, zip(1, 2 << 20));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.errors()).containsExactly(": the .xlsx file entry part-0.xml inflates more than 100 times its compressed size");
    }

    @Test
    void aFormulaCellIsRefusedNamingTheCellNotReadFromItsCachedValue() throws IOException {
        String node = id("formula");
        String key = register(node, "inventory-notify");
        assertThat(importCsv(node, key, "local,quantity\nOAK-BOARD-18,12\n").status()).isEqualTo(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "hanse-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Lager");
            sheet.value(0, 0, "local");
            sheet.value(0, 1, "quantity");
            sheet.value(1, 0, "OAK-BOARD-18");
            sheet.formula(1, 1, "2*40");
        }
        Api.Response r = importXlsx(node, key, out.toByteArray());
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.errors()).containsExactly(
                "rows[2].quantity: cell B2 is a formula (=2*40); formulas are not imported, enter the counted value");
        assertThat(onHand(node, key)).isEqualTo(12);
    }

    // ---- rate limits -----------------------------------------------------------------------------------------

    @Test
    void aKeyHasTwentyCallsAtOnceThenOneEveryTwentySeconds() {
        String node = id("busy");
        String key = register(node, "order-sync");
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/api/v1/nodes/" + node, key).status()).isEqualTo(200);
        }
        Api.Response refused = api.get("/api/v1/nodes/" + node, key);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>at("type")).isEqualTo("https://hanse.example/problems/too-many-requests");
        // The bucket is empty: the next token comes within 20 s (less the moments the 20 calls took).
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
        // Another key has its own bucket.
        assertThat(api.get("/api/v1/nodes/" + node, OPERATOR).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(20));
        assertThat(api.get("/api/v1/nodes/" + node, key).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/nodes/" + node, key).status()).isEqualTo(429);
    }

    @Test
    void keylessCallsHaveThirtyPerAddressAndARefusedRegistrationStoresNothing() {
        for (int i = 0; i < 30; i++) {
            // Each an invalid registration: it takes a token and stores nothing.
            assertThat(api.post("/api/v1/nodes", null, YAML, "node: {}\n").status()).isEqualTo(400);
        }
        String node = id("late");
        Api.Response refused = api.post("/api/v1/nodes", null, YAML, config(node, "Late", "order-sync"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 100);
        assertThat(api.get("/api/v1/nodes/" + node, OPERATOR).status()).isEqualTo(404);

        clock.advance(Duration.ofSeconds(100));
        assertThat(api.post("/api/v1/nodes", null, YAML, config(node, "Late", "order-sync")).status()).isEqualTo(201);
    }

    // ---- abuse -----------------------------------------------------------------------------------------------

    @Test
    void underFourAbusiveChunkedUploadsTheServerStillAnswersHealthWithinASecond() throws Exception {
        String node = id("abuse");
        String key = register(node, "inventory-notify");
        // Health's first answer starts its indicators; the measured one below is a later one.
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        List<AbusiveBody> bodies = List.of(new AbusiveBody(128 * 1024), new AbusiveBody(128 * 1024), new AbusiveBody(8 * 1024),
                new AbusiveBody(8 * 1024));
        List<CompletableFuture<Integer>> uploads = List.of(
                upload("/api/v1/nodes/" + node + "/stock/import", key, XLSX, bodies.get(0)),
                upload("/api/v1/nodes/" + node + "/stock/import", key, XLSX, bodies.get(1)),
                upload("/api/v1/nodes", null, YAML, bodies.get(2)),
                upload("/api/v1/nodes", null, YAML, bodies.get(3)));
        try {
            for (AbusiveBody body : bodies) {
                assertThat(body.reached.await(30, TimeUnit.SECONDS)).isTrue();
            }
            // All four are mid-body, each holding a server thread that waits for more: health must still answer.
            long start = System.nanoTime();
            Api.Response health = api.get("/actuator/health", null);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            assertThat(health.status()).as(health.text()).isEqualTo(200);
            assertThat(latency).isLessThan(Duration.ofSeconds(1));
            System.out.println("health under four abusive uploads answered in " + latency.toMillis() + " ms");
        } finally {
            bodies.forEach(b -> b.release.countDown());
        }
        for (int i = 0; i < uploads.size(); i++) {
            // Refused once past the limit: a 413, or the connection closed under the client while it was still sending.
            Integer status = uploads.get(i).get(60, TimeUnit.SECONDS);
            assertThat(status).isIn(413, -1);
            assertThat(bodies.get(i).sent.get()).as("bytes the client got to send").isLessThan(AbusiveBody.TOTAL / 4);
            System.out.println("abusive upload " + i + ": status " + status + ", client sent " + bodies.get(i).sent.get() + " bytes");
        }
    }

    CompletableFuture<Integer> upload(String path, String key, String contentType, AbusiveBody body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", contentType).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http11.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).handle((r, e) -> e == null ? r.statusCode() : -1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static void assertTooLarge(Api.Response r, long limit) {
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<String>at("type")).isEqualTo("https://hanse.example/problems/body-too-large");
        assertThat(r.errors()).containsExactly(": body larger than " + limit + " bytes");
    }

    /** The text followed by YAML comment lines up to {@code size} bytes. */
    static String padded(String yaml, int size) {
        StringBuilder b = new StringBuilder(yaml);
        while (b.length() < size) {
            b.append("# ").append("x".repeat(76)).append('\n');
        }
        return b.toString();
    }

    /** POST with a body of unknown length: sent chunked. */
    Api.Response chunked(String path, String key, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", contentType).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
        return send(b, key);
    }

    Api.Response importXlsx(String node, String key, byte[] content) {
        return send(HttpRequest.newBuilder(api.uri("/api/v1/nodes/" + node + "/stock/import")).header("Content-Type", XLSX)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(content)), key);
    }

    Api.Response importCsv(String node, String key, String csv) {
        return api.post("/api/v1/nodes/" + node + "/stock/import", key, "text/csv", csv);
    }

    double onHand(String node, String key) {
        return api.get("/api/v1/nodes/" + node + "/buffers/" + GTIN_BOARD, key).<Number>at("onHand").doubleValue();
    }

    Api.Response send(HttpRequest.Builder builder, String key) {
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http11.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            Object body = type.contains("json") && !response.body().isEmpty() ? Api.JSON.readValue(response.body(), Object.class) : null;
            return new Api.Response(response.statusCode(), type, response.body(), body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A zip of {@code entries} entries part-0.xml … each {@code size} zero bytes, deflated. */
    static byte[] zip(int entries, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] zeros = new byte[size];
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("part-" + i + ".xml"));
                zip.write(zeros);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
