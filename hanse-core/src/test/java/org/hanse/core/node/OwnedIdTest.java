package org.hanse.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedIdTest {

    /** A stored row: key, owner, and the other party. */
    record Row(String key, String owner, String party) {
        boolean visibleTo(String node) {
            return owner.equals(node) || party.equals(node);
        }
    }

    static final List<Row> ROWS = List.of(new Row("o-1", "alpha", "sup"), new Row("beta@o-1", "beta", "sup"));

    @Test
    void eachOwnerReachesItsOwnIdAndNobodyElsesIsVisible() {
        assertThat(OwnedId.candidates("beta", "o-1")).containsExactly("o-1", "beta@o-1");
        assertThat(pick("alpha", "o-1")).isEqualTo(ROWS.get(0));
        assertThat(pick("beta", "o-1")).isEqualTo(ROWS.get(1));
        assertThat(pick("gamma", "o-1")).isNull();
        assertThat(pick("gamma", "beta@o-1")).isNull();
        // The party sees the stored keys, and may name alpha's bare id as alpha@o-1 too.
        assertThat(pick("sup", "o-1")).isEqualTo(ROWS.get(0));
        assertThat(pick("sup", "beta@o-1")).isEqualTo(ROWS.get(1));
        assertThat(pick("sup", "alpha@o-1")).isEqualTo(ROWS.get(0));
        assertThat(OwnedId.own("sup", "o-1", ROWS, Row::key, Row::owner)).isEmpty();
    }

    @Test
    void aNewIdIsBareUntilTakenAndShownBareToItsOwner() {
        assertThat(OwnedId.keyFor("beta", "o-1", false)).isEqualTo("o-1");
        assertThat(OwnedId.keyFor("beta", "o-1", true)).isEqualTo("beta@o-1");
        assertThat(OwnedId.shown("beta@o-1", "beta")).isEqualTo("o-1");
        assertThat(OwnedId.shown("beta@o-1", "sup")).isEqualTo("beta@o-1");
        assertThat(OwnedId.shown("o-1", "alpha")).isEqualTo("o-1");
    }

    private static Row pick(String caller, String given) {
        return OwnedId.pick(caller, given, ROWS, Row::key, Row::owner, r -> r.visibleTo(caller)).orElse(null);
    }
}
