package org.hanse.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {

    static final Instant T = Instant.parse("2026-05-04T08:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    @Test
    void aPromiseHoldsUpToItsTimePlusTheTolerance() {
        ClaimCheck.Claim dispatch = new ClaimCheck.Claim("SHIPPED", T, T.plus(Duration.ofDays(2)));
        assertThat(ClaimCheck.confirmed(dispatch, T.plus(Duration.ofDays(3)), DAY)).isTrue();
        assertThat(ClaimCheck.confirmed(dispatch, T.plus(Duration.ofDays(3)).plusSeconds(1), DAY)).isFalse();
    }

    @Test
    void aClaimAfterTheDeliveryIsContradictedAndACheckpointOnlyHasToPrecedeIt() {
        assertThat(ClaimCheck.confirmed(new ClaimCheck.Claim("IN_TRANSIT", T.plusSeconds(1), null), T, DAY)).isFalse();
        assertThat(ClaimCheck.confirmed(new ClaimCheck.Claim("IN_TRANSIT", T.minus(Duration.ofDays(30)), null), T, DAY)).isTrue();
        // A confirmation precedes its order's deliveries by construction: a delivery recorded as earlier still checks the promise.
        assertThat(ClaimCheck.confirmed(new ClaimCheck.Claim("CONFIRMATION", null, T.plus(DAY)), T.minus(DAY), DAY)).isTrue();
    }

    @Test
    void countsTheConfirmedClaims() {
        // Confirmation due T+6 d, dispatch expecting T+1 d, delivered T+8 d with one day of tolerance: only the checkpoint holds.
        List<ClaimCheck.Claim> claims = List.of(new ClaimCheck.Claim("CONFIRMATION", T, T.plus(Duration.ofDays(6))),
                new ClaimCheck.Claim("SHIPPED", T, T.plus(DAY)), new ClaimCheck.Claim("IN_TRANSIT", T.plus(DAY), null));
        assertThat(ClaimCheck.confirmed(claims, T.plus(Duration.ofDays(8)), DAY)).isEqualTo(1);
    }
}
