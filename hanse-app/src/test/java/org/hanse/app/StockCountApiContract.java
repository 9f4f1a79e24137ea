package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Stock counts read honestly over real HTTP: a declared separator (default comma), decimals by the declared locale
 * (default dot, no grouping), exactly the columns local and quantity, every quantity from 0 to 10⁹. The node counts
 * BAND-110 (material {@link #BAND}) in its own unit 1:1; it starts with 7 on hand, and a refused file leaves the 7.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
abstract class StockCountApiContract extends ApiTestSupport {

    static final String BAND = "4012345000016";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    String node;
    String key;

    @BeforeEach
    void registerNode() {
        node = id("count");
        Api.Response r = api.post("/api/v1/nodes", null, YAML, "node: { id: " + node + ", name: \"" + node
                + "\", roles: [manufacturer], location: { lat: 52.0, lon: 8.5 } }\nmodules: [inventory-notify]\nbom-mapping:\n"
                + "  - { local: BAND-110, material: \"" + BAND + "\", unit: { local: roll, code: H87, factor: 1 } }\n");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        key = r.at("apiKey");
        assertThat(csv("", "local,quantity\nBAND-110,7\n").status()).isEqualTo(200);
    }

    Api.Response csv(String query, String body) {
        return api.post("/api/v1/nodes/" + node + "/stock/import" + query, key, "text/csv", body);
    }

    double onHand() {
        return api.get("/api/v1/nodes/" + node + "/buffers/" + BAND, key).<Number>at("onHand").doubleValue();
    }

    @Test
    void aCommaDecimalIsOnePointFiveOnlyUnderADeclaredCommaLocale() {
        Api.Response plain = csv("", "local,quantity\nBAND-110,\"1,5\"\n");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.errors()).containsExactly(
                "rows[2].quantity: '1,5' is not a number as declared (decimal mark '.' and no grouping): ',' is neither a digit nor one of its marks");
        assertThat(onHand()).isEqualTo(7);

        Api.Response german = csv("?locale=de-DE", "local,quantity\nBAND-110,\"1,5\"\n");
        assertThat(german.status()).as(german.text()).isEqualTo(200);
        assertThat(german.<String>at("applied.0.onHand")).isEqualTo("1.5");
        assertThat(onHand()).isEqualTo(1.5);
    }

    @Test
    void groupedThousandsAreReadOnlyWhereGroupingIsDeclared() {
        Api.Response plain = csv("", "local,quantity\nBAND-110,\"1.234,5\"\n");
        assertThat(plain.errors()).containsExactly("rows[2].quantity: '1.234,5' is not a number as declared (decimal mark '.' and no grouping): "
                + "more than one decimal mark, or a non-digit after it");
        Api.Response ungrouped = csv("?locale=de-DE", "local,quantity\nBAND-110,1.234\n");
        assertThat(ungrouped.errors()).containsExactly("rows[2].quantity: '1.234' is not a number as declared (decimal mark ',' and no grouping): "
                + "'.' is neither a digit nor one of its marks");
        assertThat(onHand()).isEqualTo(7);

        Api.Response grouped = csv("?locale=de-DE&grouping=true", "local;quantity\nBAND-110;1.234,5\n".replace(';', ','));
        assertThat(grouped.status()).isEqualTo(400);
        Api.Response semicolons = csv("?locale=de-DE&grouping=true&separator=;", "local;quantity\nBAND-110;1.234,5\n");
        assertThat(semicolons.status()).as(semicolons.text()).isEqualTo(200);
        assertThat(onHand()).isEqualTo(1234.5);
    }

    @Test
    void extraOrMissingColumnsAndAnUndeclaredSeparatorAreNamed() {
        assertThat(csv("", "local,quantity,note\nBAND-110,3,counted twice\n").errors())
                .containsExactly("rows[1].note: is not a column of a stock count (local, quantity)");
        assertThat(csv("", "local,quantity\nBAND-110,3,9\n\nBAND-110\n").errors()).containsExactly(
                "rows[2]: has 3 cells; the header names 2 columns (local, quantity)",
                "rows[4]: has 1 cell; the header names 2 columns (local, quantity)");
        // Nothing is guessed: a semicolon file read with the default comma has one column, named "local;quantity".
        assertThat(csv("", "local;quantity\nBAND-110;3\n").errors()).containsExactly(
                "rows[1].local;quantity: is not a column of a stock count (local, quantity)",
                "rows[1]: the header must name the columns 'local' and 'quantity'");
        assertThat(csv("?separator=x&locale=zz-QQ", "local,quantity\nBAND-110,3\n").errors()).containsExactly(
                "separator: must be ',', ';', '|' or 'tab'",
                "locale: must be a known BCP 47 language tag such as de-DE, fr-FR or en-GB");
        assertThat(onHand()).isEqualTo(7);
        assertThat(csv("?separator=tab", "local\tquantity\nBAND-110\t3\t\n").status()).isEqualTo(200);
        assertThat(onHand()).isEqualTo(3);
    }

    @Test
    void aQuantityBeyondTheRangeIsA400WithItsPathNeverAConflict() {
        Api.Response huge = csv("", "local,quantity\nBAND-110,1e15\n");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.errors()).containsExactly("rows[2].quantity: must be a finite number from 0 to 1000000000");
        assertThat(csv("", "local,quantity\nBAND-110,1e9\n").status()).isEqualTo(200);
        assertThat(onHand()).isEqualTo(1e9);
    }

    @Test
    void xlsxNumbersAreNumbersAndItsTextIsReadByTheLocale() throws Exception {
        HttpResponse<String> numeric = xlsx("", s -> s.value(1, 1, 1.5));
        assertThat(numeric.statusCode()).as(numeric.body()).isEqualTo(200);
        assertThat(onHand()).isEqualTo(1.5);

        HttpResponse<String> text = xlsx("", s -> s.value(1, 1, "2,5"));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("rows[2].quantity").contains("'2,5' is not a number as declared");
        HttpResponse<String> huge = xlsx("", s -> s.value(1, 1, 1e15));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("rows[2].quantity").contains("must be a finite number from 0 to 1000000000");
        HttpResponse<String> extra = xlsx("", s -> s.value(1, 2, "late"));
        assertThat(extra.body()).contains("rows[2]").contains("has 3 cells; the header names 2 columns");
        assertThat(onHand()).isEqualTo(1.5);

        HttpResponse<String> german = xlsx("?locale=de-DE", s -> s.value(1, 1, "2,5"));
        assertThat(german.statusCode()).as(german.body()).isEqualTo(200);
        assertThat(onHand()).isEqualTo(2.5);
    }

    /** A one-row count sheet (local, quantity; BAND-110 in A2) that {@code fill} completes. */
    HttpResponse<String> xlsx(String query, Consumer<Worksheet> fill) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "hanse-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Lager");
            sheet.value(0, 0, "local");
            sheet.value(0, 1, "quantity");
            sheet.value(1, 0, "BAND-110");
            fill.accept(sheet);
        }
        return api.client().send(HttpRequest.newBuilder(api.uri("/api/v1/nodes/" + node + "/stock/import" + query))
                .header("Authorization", "Bearer " + key).header("Content-Type", XLSX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
