package org.hanse.app.relations;

import java.time.Clock;
import java.util.Optional;
import org.hanse.app.messaging.Acknowledgements;
import org.hanse.app.network.DelayAdvice;
import org.hanse.core.relation.Distortion;
import org.springframework.stereotype.Component;

/**
 * Response delays of a node over the last 30 days — from a request's sending to the node's acknowledgement or answer
 * (not the server's own delivery latency) — for its effective timeout (base + 2σ).
 */
@Component
class MeasuredDelays implements DelayAdvice {

    private final Acknowledgements acknowledgements;
    private final Clock clock;

    MeasuredDelays(Acknowledgements acknowledgements, Clock clock) {
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    @Override
    public Optional<Double> delayVarianceSeconds2(String node) {
        double[] delays = acknowledgements.answeredBy(node, clock.instant().minus(NetworkAnalytics.DELAY_WINDOW)).stream()
                .mapToDouble(a -> Math.max(0, a.delay().toMillis() / 1000.0)).toArray();
        return delays.length < 2 ? Optional.empty() : Optional.of(Distortion.variance(delays));
    }
}
