package org.hanse.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.validation.Problem;
import org.hanse.core.validation.Validated;
import org.junit.jupiter.api.Test;

class NodeConfigReaderTest {

    /** The illustrative file of RULES 3.1, as a YAML parser returns it. */
    static Map<String, Object> designExample() {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", "zj-oak-furniture");
        node.put("name", "Zhejiang Oak Furniture Co.");
        node.put("roles", new ArrayList<>(List.of("manufacturer")));
        node.put("location", new LinkedHashMap<>(Map.of("lat", 30.27, "lon", 120.15)));
        node.put("gln", "0614141000005");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("node", node);
        root.put("modules", new ArrayList<>(List.of("order-sync", "inventory-notify")));
        root.put("response-timeout", new LinkedHashMap<>(Map.of("wait", "PT4H", "retries", 2)));
        List<Object> rows = new ArrayList<>();
        rows.add(row("OAK-BOARD-18", "06901234000122", "sheet", "C62", 1));
        rows.add(row("VARNISH-5L", "06901234000238", "can", "LTR", 5));
        root.put("bom-mapping", rows);
        return root;
    }

    static Map<String, Object> row(String local, Object material, String localUnit, String code, Object factor) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("local", localUnit);
        unit.put("code", code);
        unit.put("factor", factor);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("local", local);
        r.put("material", material);
        r.put("unit", unit);
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> sub(Map<String, Object> tree, String key) {
        return (Map<String, Object>) tree.get(key);
    }

    @Test
    void readsTheDesignExample() {
        NodeConfig config = NodeConfigReader.read(designExample(), PlatformCodes.ANY).orElseThrow();
        assertThat(config.id()).isEqualTo("zj-oak-furniture");
        assertThat(config.roles()).containsExactly(NodeRole.MANUFACTURER);
        assertThat(config.modules()).containsExactlyInAnyOrder(InterfaceModule.ORDER_SYNC, InterfaceModule.INVENTORY_NOTIFY);
        assertThat(config.responseTimeout()).isEqualTo(new ResponseTimeout(Duration.ofHours(4), 2));
        assertThat(config.responseTimeout().silenceLimit()).isEqualTo(Duration.ofHours(12));
        assertThat(config.bomMapping().get(1).unit()).isEqualTo(UnitOfMeasure.LTR);
        assertThat(config.bomMapping().get(1).factor()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(config.gln().value()).isEqualTo("0614141000005");
    }

    @Test
    void canonicalTreeReadsBackToTheSameConfig() {
        NodeConfig config = NodeConfigReader.read(designExample(), PlatformCodes.ANY).orElseThrow();
        NodeConfig again = NodeConfigReader.read(NodeConfigTree.of(config), PlatformCodes.ANY).orElseThrow();
        assertThat(again).isEqualTo(config);
    }

    @Test
    void wrongCheckDigitIsReportedAtItsPath() {
        Map<String, Object> tree = designExample();
        List<Object> rows = (List<Object>) tree.get("bom-mapping");
        rows.add(row("HINGE-35", "4006381333932", "piece", "H87", 1));
        assertThat(problems(tree)).containsExactly(new Problem("bom-mapping[2].material", "GTIN check digit should be 1"));
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        Map<String, Object> tree = designExample();
        sub(tree, "node").put("id", "Bad Id");
        sub(tree, "node").remove("name");
        sub(tree, "node").put("roles", List.of("manufacturer", "wizard", "manufacturer"));
        sub(tree, "node").put("location", Map.of("lat", 91, "lon", "east"));
        sub(tree, "node").put("gln", "0614141000006");
        tree.put("modules", List.of("order-sync", "telepathy", "order-sync"));
        tree.put("response-timeout", Map.of("wait", "4 hours", "retries", -1));
        tree.put("bom-mapping", List.of(
                row("A", "06901234000122", "sheet", "KGS", 0),
                row("A", 6901234000122L, "sheet", "C62", 1),
                row("B", "HNS-UNKNOWN", "sheet", "C62", "x")));
        tree.put("colour", "blue");

        List<Problem> problems = NodeConfigReader.read(tree, code -> false).problems();

        assertThat(problems).containsExactlyInAnyOrder(
                new Problem("colour", "unknown field; expected one of [bom-mapping, capacity, modules, node, response-timeout]"),
                new Problem("node.id", "must match [a-z0-9][a-z0-9-]{2,63}"),
                new Problem("node.name", "is required"),
                new Problem("node.roles[1]", "unknown role 'wizard'; expected one of [supplier, manufacturer, distributor, retailer, logistics, core]"),
                new Problem("node.roles[2]", "duplicate role 'manufacturer'"),
                new Problem("node.location.lat", "must lie in [-90, 90]"),
                new Problem("node.location.lon", "must be a number"),
                new Problem("node.gln", "GLN check digit should be 5"),
                new Problem("modules[1]", "unknown module 'telepathy'; expected one of order-sync, inventory-notify, exception-broadcast"),
                new Problem("modules[2]", "duplicate module 'order-sync'"),
                new Problem("response-timeout.wait", "must be an ISO 8601 duration such as PT4H"),
                new Problem("response-timeout.retries", "must be a whole number from 0 to 10"),
                new Problem("bom-mapping[0].unit.code", "unknown UN/ECE Rec 20 unit 'KGS'"),
                new Problem("bom-mapping[0].unit.factor", "must be greater than 0"),
                new Problem("bom-mapping[1].local", "duplicate local code 'A'"),
                new Problem("bom-mapping[1].material", "write the GTIN in quotes so leading zeros are kept (read as the number 6901234000122)"),
                new Problem("bom-mapping[2].material", "platform code 'HNS-UNKNOWN' is not in the dictionary"),
                new Problem("bom-mapping[2].unit.factor", "must be a number"));
    }

    @Test
    void missingSectionsAreRequired() {
        assertThat(problems(Map.of())).containsExactlyInAnyOrder(
                new Problem("node", "is required"),
                new Problem("modules", "is required"),
                new Problem("bom-mapping", "is required"));
        assertThat(problems("just text")).containsExactly(new Problem("", "must be a mapping"));
    }

    @Test
    void responseTimeoutDefaultsWhenLeftOut() {
        Map<String, Object> tree = designExample();
        tree.remove("response-timeout");
        assertThat(NodeConfigReader.read(tree, PlatformCodes.ANY).orElseThrow().responseTimeout())
                .isEqualTo(ResponseTimeout.DEFAULT);
    }

    @Test
    void waitOutOfRangeIsRejected() {
        Map<String, Object> tree = designExample();
        tree.put("response-timeout", Map.of("wait", "P31D", "retries", 2));
        assertThat(problems(tree)).containsExactly(new Problem("response-timeout.wait", "must be positive and at most P30D"));
    }

    @Test
    void timeoutExpiresAfterWaitTimesRetriesPlusOne() {
        ResponseTimeout timeout = new ResponseTimeout(Duration.ofHours(4), 2);
        java.time.Instant sent = java.time.Instant.parse("2026-11-01T08:00:00Z");
        assertThat(timeout.expired(sent, java.time.Instant.parse("2026-11-01T19:59:59Z"))).isFalse();
        assertThat(timeout.expired(sent, java.time.Instant.parse("2026-11-01T20:00:00Z"))).isTrue();
    }

    private static List<Problem> problems(Object tree) {
        Validated<NodeConfig> result = NodeConfigReader.read(tree, PlatformCodes.ANY);
        assertThat(result.isValid()).isFalse();
        return result.problems();
    }
}
