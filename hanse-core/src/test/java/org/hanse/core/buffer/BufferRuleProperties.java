package org.hanse.core.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class BufferRuleProperties {

    @Property
    void safetyStockNeverFallsWhenUncertaintyGrows(@ForAll @DoubleRange(min = 0, max = 500) double dBar,
                                                   @ForAll @DoubleRange(min = 0, max = 100) double sigmaD,
                                                   @ForAll @DoubleRange(min = 0, max = 60) double lBar,
                                                   @ForAll @DoubleRange(min = 0, max = 10) double sigmaL,
                                                   @ForAll @DoubleRange(min = 0, max = 10) double more) {
        double z = 1.645;
        double base = BufferRule.safetyStock(z, dBar, sigmaD, lBar, sigmaL);
        assertThat(BufferRule.safetyStock(z, dBar, sigmaD + more, lBar, sigmaL)).isGreaterThanOrEqualTo(base - 1e-9);
        assertThat(BufferRule.safetyStock(z, dBar, sigmaD, lBar, sigmaL + more)).isGreaterThanOrEqualTo(base - 1e-9);
        assertThat(BufferRule.safetyStock(z + more, dBar, sigmaD, lBar, sigmaL)).isGreaterThanOrEqualTo(base - 1e-9);
    }

    @Property
    void theIntervalIsNeverInverted(@ForAll @DoubleRange(min = 0, max = 500) double dBar,
                                    @ForAll @DoubleRange(min = 0, max = 100) double sigmaD,
                                    @ForAll @DoubleRange(min = 0, max = 60) double lBar,
                                    @ForAll @DoubleRange(min = 0, max = 10) double sigmaL,
                                    @ForAll @DoubleRange(min = 0.5, max = 0.99) double alpha) {
        BufferPolicy policy = new BufferPolicy(alpha, BufferPolicy.DEFAULT.reactionLag(), 7, BufferPolicy.DEFAULT.period());
        BufferRule.Thresholds t = BufferRule.thresholds(policy, new Statistics(dBar, sigmaD, 56), new Statistics(lBar, sigmaL, 8), null);
        assertThat(t.low()).isGreaterThanOrEqualTo(t.safetyStock());
        assertThat(t.high()).isGreaterThanOrEqualTo(t.low());
    }
}
