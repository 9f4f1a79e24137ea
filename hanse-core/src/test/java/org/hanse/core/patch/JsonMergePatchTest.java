package org.hanse.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

    @Test
    void rfc7396SectionThreeExample() {
        Map<String, Object> target = map("title", "Goodbye!",
                "author", map("givenName", "John", "familyName", "Doe"),
                "tags", List.of("example", "sample"),
                "content", "This will be unchanged");
        Map<String, Object> patch = map("title", "Hello!", "phoneNumber", "+01-123-456-7890",
                "author", map("familyName", null), "tags", List.of("example"));

        assertThat(JsonMergePatch.apply(target, patch)).isEqualTo(map("title", "Hello!",
                "author", map("givenName", "John"),
                "tags", List.of("example"),
                "content", "This will be unchanged",
                "phoneNumber", "+01-123-456-7890"));
    }

    @Test
    void rfc7396AppendixATestCases() {
        assertThat(JsonMergePatch.apply(map("a", "b"), map("a", "c"))).isEqualTo(map("a", "c"));
        assertThat(JsonMergePatch.apply(map("a", "b"), map("b", "c"))).isEqualTo(map("a", "b", "b", "c"));
        assertThat(JsonMergePatch.apply(map("a", "b"), map("a", null))).isEqualTo(map());
        assertThat(JsonMergePatch.apply(map("a", "b", "b", "c"), map("a", null))).isEqualTo(map("b", "c"));
        assertThat(JsonMergePatch.apply(map("a", List.of("b")), map("a", "c"))).isEqualTo(map("a", "c"));
        assertThat(JsonMergePatch.apply(map("a", "c"), map("a", List.of("b")))).isEqualTo(map("a", List.of("b")));
        assertThat(JsonMergePatch.apply(map("a", map("b", "c")), map("a", map("b", "d", "c", null))))
                .isEqualTo(map("a", map("b", "d")));
        assertThat(JsonMergePatch.apply(map("a", List.of(map("b", "c"))), map("a", List.of(1))))
                .isEqualTo(map("a", List.of(1)));
        assertThat(JsonMergePatch.apply(List.of("a", "b"), List.of("c", "d"))).isEqualTo(List.of("c", "d"));
        assertThat(JsonMergePatch.apply(map("a", "b"), List.of("c"))).isEqualTo(List.of("c"));
        assertThat(JsonMergePatch.apply(map("a", "foo"), "bar")).isEqualTo("bar");
        assertThat(JsonMergePatch.apply(map("e", null), map("a", 1))).isEqualTo(map("e", null, "a", 1));
        assertThat(JsonMergePatch.apply(List.of(1, 2), map("a", "b", "c", null))).isEqualTo(map("a", "b"));
        assertThat(JsonMergePatch.apply(map(), map("a", map("bb", map("ccc", null))))).isEqualTo(map("a", map("bb", map())));
    }

    @Test
    void diffHoldsOnlyTheChangedFields() {
        Map<String, Object> before = map("node", map("id", "zj-oak", "name", "Oak Co.", "location", map("lat", 30.27, "lon", 120.15)),
                "modules", List.of("order-sync"), "response-timeout", map("wait", "PT4H", "retries", 2));
        Map<String, Object> after = map("node", map("id", "zj-oak", "name", "Oak Furniture Co.", "location", map("lat", 30.27, "lon", 120.15)),
                "modules", List.of("order-sync", "inventory-notify"), "response-timeout", map("wait", "PT4H", "retries", 2));

        assertThat(JsonMergePatch.diff(before, after)).isEqualTo(map(
                "node", map("name", "Oak Furniture Co."),
                "modules", List.of("order-sync", "inventory-notify")));
    }

    @Test
    void removedFieldsBecomeNullAndEqualTreesGiveAnEmptyPatch() {
        assertThat(JsonMergePatch.diff(map("a", 1, "gln", "0614141000005"), map("a", 1))).isEqualTo(map("gln", null));
        assertThat(JsonMergePatch.diff(map("a", 2, "b", List.of(map("x", 1))), map("a", 2.0, "b", List.of(map("x", 1))))).isEmpty();
    }

    /** Builds a mutable ordered map from alternating keys and values (nulls allowed, unlike Map.of). */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
