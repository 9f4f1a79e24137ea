package org.hanse.core.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hanse.core.node.Location;
import org.junit.jupiter.api.Test;

class ExceptionProtocolTest {

    @Test
    void holdsApplyOnlyToNonUrgentReleasesOutsideTheInterval() {
        assertThat(ExceptionProtocol.holdsOutbound(Zone.BELOW, 0.59, 0.6)).isTrue();
        assertThat(ExceptionProtocol.holdsOutbound(Zone.BELOW, 0.6, 0.6)).isFalse();
        assertThat(ExceptionProtocol.holdsOutbound(Zone.INSIDE, 0.1, 0.6)).isFalse();
        assertThat(ExceptionProtocol.holdsInbound(Zone.ABOVE, 0.3, 0.6)).isTrue();
        assertThat(ExceptionProtocol.holdsInbound(Zone.ABOVE, 0.9, 0.6)).isFalse();
        assertThat(ExceptionProtocol.holdsInbound(Zone.BELOW, 0.3, 0.6)).isFalse();
    }

    @Test
    void emergencyTransfersAskPeersAboveTheirHighThresholdNearestFirst() {
        Location self = new Location(52.0, 8.0);
        List<ExceptionProtocol.Candidate> candidates = ExceptionProtocol.transferCandidates(self, List.of(
                new ExceptionProtocol.PeerBuffer("far", new Location(54.0, 8.0), 900, 600),      // 222.4 km, surplus 300
                new ExceptionProtocol.PeerBuffer("near", new Location(52.5, 8.0), 700, 650),     // 55.6 km, surplus 50
                new ExceptionProtocol.PeerBuffer("short", new Location(52.1, 8.0), 400, 600)));  // below its B_hi: not asked
        assertThat(candidates).extracting(ExceptionProtocol.Candidate::node).containsExactly("near", "far");
        assertThat(candidates.get(0).surplus()).isEqualTo(50);
        // Half a degree of latitude: 6371.0088 · π / 360 = 55.597 km.
        assertThat(candidates.get(0).distanceKm()).isCloseTo(55.597, within(1e-3));
    }

    @Test
    void proxyPositionFromLastKnownDeliveriesAndConsumption() {
        // 120 last reported, 200 delivered since, 30 a day for 5 days: 120 + 200 − 150 = 170.
        assertThat(ExceptionProtocol.proxyPosition(120, 200, 30, 5)).isEqualTo(170);
        assertThat(ExceptionProtocol.proxyPosition(10, 0, 30, 5)).isZero();
    }

    @Test
    void vectorsGoEveryPeriodAndAtOnceOnAZoneChange() {
        Instant sent = Instant.parse("2026-12-01T08:00:00Z");
        Duration day = Duration.ofHours(24);
        assertThat(VectorSchedule.due(null, null, Zone.INSIDE, sent, day)).isTrue();
        assertThat(VectorSchedule.due(sent, Zone.INSIDE, Zone.INSIDE, sent.plus(Duration.ofHours(23)), day)).isFalse();
        assertThat(VectorSchedule.due(sent, Zone.INSIDE, Zone.INSIDE, sent.plus(day), day)).isTrue();
        assertThat(VectorSchedule.due(sent, Zone.INSIDE, Zone.BELOW, sent.plusSeconds(60), day)).isTrue();
    }
}
