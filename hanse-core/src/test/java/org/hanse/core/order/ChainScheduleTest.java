package org.hanse.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A three-tier chain worked by hand: manufacturer M (2 d, 1 d to the buyer) with supplier S1 (3 d, 1 d to M),
 * whose raw-material supplier R (1 d, 12 h to S1), and supplier S2 (1 d, 6 h to M). Now = 1 Dec 00:00.
 */
class ChainScheduleTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static List<ChainSchedule.Step> chain() {
        return List.of(
                new ChainSchedule.Step("M", "maker", null, Duration.ofDays(2), Duration.ofDays(1), null, null),
                new ChainSchedule.Step("S1", "boards", "M", Duration.ofDays(3), Duration.ofDays(1), null, null),
                new ChainSchedule.Step("R", "sawmill", "S1", Duration.ofDays(1), Duration.ofHours(12), null, null),
                new ChainSchedule.Step("S2", "hinges", "M", Duration.ofDays(1), Duration.ofHours(6), null, null));
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void backwardAndForwardPassWithSlack() {
        ChainSchedule.Result r = ChainSchedule.compute(chain(), at("2026-12-10T00:00:00Z"), NOW);
        // Backward: LF_M = 10 Dec − 1 d; LS_M = LF − 2 d; LF_S1 = LS_M − 1 d; ...
        assertThat(r.timing("M")).isEqualTo(new ChainSchedule.Timing("M", "maker", 0,
                at("2026-12-06T12:00:00Z"), at("2026-12-08T12:00:00Z"), at("2026-12-07T00:00:00Z"), at("2026-12-09T00:00:00Z"), Duration.ofHours(12)));
        assertThat(r.timing("S1")).isEqualTo(new ChainSchedule.Timing("S1", "boards", 1,
                at("2026-12-02T12:00:00Z"), at("2026-12-05T12:00:00Z"), at("2026-12-03T00:00:00Z"), at("2026-12-06T00:00:00Z"), Duration.ofHours(12)));
        assertThat(r.timing("R")).isEqualTo(new ChainSchedule.Timing("R", "sawmill", 2,
                at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z"), at("2026-12-01T12:00:00Z"), at("2026-12-02T12:00:00Z"), Duration.ofHours(12)));
        assertThat(r.timing("S2")).isEqualTo(new ChainSchedule.Timing("S2", "hinges", 1,
                at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z"), at("2026-12-05T18:00:00Z"), at("2026-12-06T18:00:00Z"), Duration.ofHours(114)));
        assertThat(r.feasible()).isTrue();
        assertThat(r.bottleneck()).isNull();
    }

    @Test
    void negativeSlackMakesTheChainInfeasibleAndNamesTheBottleneck() {
        // One day earlier: every node on the critical path M–S1–R has −12 h; S1 processes longest.
        ChainSchedule.Result r = ChainSchedule.compute(chain(), at("2026-12-09T00:00:00Z"), NOW);
        assertThat(r.feasible()).isFalse();
        assertThat(r.minSlack()).isEqualTo(Duration.ofHours(-12));
        assertThat(r.bottleneck().node()).isEqualTo("boards");
        assertThat(r.timing("S2").slack()).isEqualTo(Duration.ofHours(90));
    }

    @Test
    void capacityCanPushAFinishLater() {
        List<ChainSchedule.Step> steps = List.of(chain().get(0), chain().get(1), chain().get(2),
                new ChainSchedule.Step("S2", "hinges", "M", Duration.ofDays(1), Duration.ofHours(6), at("2026-12-06T12:00:00Z"), null));
        ChainSchedule.Result r = ChainSchedule.compute(steps, at("2026-12-10T00:00:00Z"), NOW);
        // S2 is booked until 6 Dec 12:00: it arrives at M at 18:00, after S1's boards, so M starts then.
        assertThat(r.timing("S2").slack()).isEqualTo(Duration.ofHours(6));
        assertThat(r.timing("M").es()).isEqualTo(at("2026-12-06T18:00:00Z"));
        assertThat(r.timing("M").slack()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void lateFinishBeyondToleranceReconstructsTheLaterNodes() {
        ChainSchedule.Result planned = ChainSchedule.compute(chain(), at("2026-12-10T00:00:00Z"), NOW);
        // R finishes 10 h late; the next node S1 has 12 h slack: tolerance = max(2 h, 6 h) = 6 h.
        Duration deviation = ChainSchedule.deviation(at("2026-12-02T10:00:00Z"), planned.timing("R").ef());
        Duration tolerance = ChainSchedule.tolerance(planned.timing("S1").slack());
        assertThat(deviation).isEqualTo(Duration.ofHours(10));
        assertThat(tolerance).isEqualTo(Duration.ofHours(6));
        assertThat(ChainSchedule.beyondTolerance(deviation, tolerance)).isTrue();

        List<ChainSchedule.Step> steps = chain().stream()
                .map(s -> s.key().equals("R") ? s.withActualFinish(at("2026-12-02T10:00:00Z")) : s).toList();
        ChainSchedule.Result rebuilt = ChainSchedule.compute(steps, at("2026-12-10T00:00:00Z"), NOW);
        assertThat(rebuilt.timing("S1").es()).isEqualTo(at("2026-12-02T22:00:00Z"));
        assertThat(rebuilt.timing("M").ef()).isEqualTo(at("2026-12-08T22:00:00Z"));
        assertThat(rebuilt.timing("M").slack()).isEqualTo(Duration.ofHours(2));
        assertThat(rebuilt.feasible()).isTrue();

        // 14 h late: the due date is at risk.
        List<ChainSchedule.Step> later = chain().stream()
                .map(s -> s.key().equals("R") ? s.withActualFinish(at("2026-12-02T14:00:00Z")) : s).toList();
        assertThat(ChainSchedule.compute(later, at("2026-12-10T00:00:00Z"), NOW).timing("M").slack()).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void toleranceHasATwoHourFloor() {
        assertThat(ChainSchedule.tolerance(Duration.ofHours(3))).isEqualTo(Duration.ofHours(2));
        assertThat(ChainSchedule.tolerance(Duration.ofHours(-5))).isEqualTo(Duration.ofHours(2));
        assertThat(ChainSchedule.beyondTolerance(Duration.ofHours(-2), Duration.ofHours(2))).isFalse();
        assertThat(ChainSchedule.beyondTolerance(Duration.ofMinutes(-121), Duration.ofHours(2))).isTrue();
    }
}
