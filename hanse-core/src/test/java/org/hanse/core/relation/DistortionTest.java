package org.hanse.core.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.hanse.core.node.Location;
import org.junit.jupiter.api.Test;

class DistortionTest {

    @Test
    void bullwhipIsTheRatioOfSampleVariances() {
        // End demand 10, 12, 8, 10 (variance 8/3); orders 0, 30, 0, 10 (mean 10, variance (100 + 400 + 100 + 0) / 3 = 200).
        assertThat(Distortion.bullwhip(new double[] {0, 30, 0, 10}, new double[] {10, 12, 8, 10})).isCloseTo(75, within(1e-9));
        assertThat(Distortion.bullwhip(new double[] {1, 2}, new double[] {5, 5})).isNaN();
    }

    @Test
    void suggestedTimeoutIsBasePlusTwoSigma() {
        // Delays with variance 900 s² (σ = 30 s): 4 h + 60 s.
        assertThat(Distortion.suggestedTimeout(Duration.ofHours(4), 900)).isEqualTo(Duration.ofHours(4).plusSeconds(60));
    }

    @Test
    void meanNearestNeighbourDistance() {
        // Three nodes on the equator at 0°, 1° and 3° of longitude: nearest distances 111.19, 111.19 and 222.39 km.
        double degree = 2 * Math.PI * 6371.0088 / 360;
        double index = Distortion.meanNearestNeighbourKm(List.of(new Location(0, 0), new Location(0, 1), new Location(0, 3)));
        assertThat(index).isCloseTo((degree + degree + 2 * degree) / 3, within(1e-6));
        assertThat(Distortion.meanNearestNeighbourKm(List.of(new Location(0, 0)))).isZero();
    }

    @Test
    void criticalPathsTowardSeveralTargetsInOnePassMatchOneByOne() {
        List<CriticalPath.Edge> edges = List.of(new CriticalPath.Edge("s1", "m", 100, 1), new CriticalPath.Edge("s2", "m", 50, 1),
                new CriticalPath.Edge("m", "r1", 100, 0.5), new CriticalPath.Edge("m", "r2", 20, 1));
        var all = CriticalPath.towardAll(List.of("r1", "r2"), edges);
        assertThat(all.get("r1")).isEqualTo(CriticalPath.toward("r1", edges));
        assertThat(all.get("r2")).isEqualTo(CriticalPath.toward("r2", edges));
        // r1: s1 → m (1.0) → r1 (0.5) = 1.5; r2: s1 → m (1.0) → r2 (0.2) = 1.2.
        assertThat(all.get("r1").nodes()).containsExactly("s1", "m", "r1");
        assertThat(all.get("r1").weight()).isCloseTo(1.5, within(1e-12));
        assertThat(all.get("r2").weight()).isCloseTo(1.2, within(1e-12));
    }
}
