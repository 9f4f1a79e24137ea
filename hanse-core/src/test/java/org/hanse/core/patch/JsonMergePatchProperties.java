package org.hanse.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonMergePatchProperties {

    @Property
    void applyingTheDiffYieldsTheTarget(@ForAll("trees") Map<String, Object> source, @ForAll("trees") Map<String, Object> target) {
        assertThat(JsonMergePatch.apply(source, JsonMergePatch.diff(source, target))).isEqualTo(target);
    }

    @Property
    void diffIsEmptyExactlyForEqualTrees(@ForAll("trees") Map<String, Object> source, @ForAll("trees") Map<String, Object> target) {
        assertThat(JsonMergePatch.diff(source, target).isEmpty()).isEqualTo(source.equals(target));
    }

    @Property
    void diffNeverMentionsUnchangedTopLevelFields(@ForAll("trees") Map<String, Object> source, @ForAll("trees") Map<String, Object> target) {
        Map<String, Object> patch = JsonMergePatch.diff(source, target);
        for (String key : patch.keySet()) {
            assertThat(source.get(key)).isNotEqualTo(target.get(key));
        }
    }

    /** Small trees with null-free values (merge patch cannot carry nulls in a target), nested one level. */
    @Provide
    Arbitrary<Map<String, Object>> trees() {
        Arbitrary<String> keys = Arbitraries.of("id", "name", "roles", "location", "gln");
        Arbitrary<Object> scalars = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(3).map(s -> (Object) s),
                Arbitraries.integers().between(0, 3).map(i -> (Object) i),
                Arbitraries.strings().alpha().ofMaxLength(2).list().ofMaxSize(2).map(l -> (Object) List.copyOf(l)));
        Arbitrary<Object> inner = Arbitraries.maps(keys, scalars).ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.maps(keys, Arbitraries.oneOf(scalars, inner)).ofMaxSize(4).map(LinkedHashMap::new);
    }
}
