package org.hanse.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class TrustProperties {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Provide
    Arbitrary<List<TrustValue.Interaction>> histories() {
        return Arbitraries.integers().between(0, 400).flatMap(age -> Arbitraries.doubles().between(0, 1.5)
                        .map(r -> new TrustValue.Interaction(NOW.minus(Duration.ofDays(age)), r)))
                .list().ofMaxSize(30);
    }

    @Property
    void trustStaysWithinZeroAndOnePointFive(@ForAll("histories") List<TrustValue.Interaction> history,
                                             @ForAll @DoubleRange(min = 0, max = 1) double asymmetry) {
        double t = TrustValue.of(history, List.of(new TrustValue.Penalty(NOW.minus(Duration.ofDays(3)), asymmetry)), NOW);
        assertThat(t).isBetween(0.0, 1.5);
    }

    @Property
    void aRecentGoodInteractionNeverLowersTrust(@ForAll("histories") List<TrustValue.Interaction> history) {
        double before = TrustValue.of(history, List.of(), NOW);
        List<TrustValue.Interaction> more = new ArrayList<>(history);
        // As good as the best possible: r = 1.5, happening now.
        more.add(new TrustValue.Interaction(NOW, 1.5));
        // The window may shrink with the added frequency; a fresh maximal interaction still cannot lower T.
        assertThat(TrustValue.of(more, List.of(), NOW)).isGreaterThanOrEqualTo(before - 1e-9);
    }

    @Property
    void aPenaltyNeverRaisesTrust(@ForAll("histories") List<TrustValue.Interaction> history,
                                  @ForAll @DoubleRange(min = 0, max = 1) double asymmetry) {
        double before = TrustValue.of(history, List.of(), NOW);
        assertThat(TrustValue.of(history, List.of(new TrustValue.Penalty(NOW, asymmetry)), NOW)).isLessThanOrEqualTo(before + 1e-12);
    }
}
