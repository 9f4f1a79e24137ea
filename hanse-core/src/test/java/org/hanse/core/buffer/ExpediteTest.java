package org.hanse.core.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.junit.jupiter.api.Test;

class ExpediteTest {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    static final Instant DUE = Instant.parse("2026-12-12T08:00:00Z");

    @Test
    void anEarlierDateInTheFutureIsAnExpediteOfTheDifference() {
        Expedite e = Expedite.request("o-1", DUE, Instant.parse("2026-12-05T08:00:00Z"), NOW, "due");
        assertThat(e.gain()).isEqualTo(Duration.ofDays(7));
        assertThat(Expedite.request("o-1", DUE, DUE.minus(Duration.ofHours(1)), NOW, "due").gain()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDateNotEarlierOrInThePastIsRefusedAtThePath() {
        assertThatThrownBy(() -> Expedite.request("o-1", DUE, DUE.plus(Duration.ofDays(1)), NOW, "due"))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).containsExactly(
                        new Problem("due", "must be at least an hour before the order's current due date 2026-12-12T08:00:00Z")));
        assertThatThrownBy(() -> Expedite.request("o-1", DUE, DUE.minus(Duration.ofMinutes(59)), NOW, "due"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Expedite.request("o-1", DUE, NOW, NOW, "due"))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).containsExactly(
                        new Problem("due", "must lie in the future (now is 2026-12-02T08:00:00Z)")));
    }
}
