package org.hanse.app.trust;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Trust settings ({@code hanse.trust}, defaults in application.yml): how much later than promised a delivery may arrive
 * and still confirm the supplier's claim (a confirmation's due date, a dispatch advice's expected arrival).
 */
@ConfigurationProperties("hanse.trust")
public record TrustSettings(Duration claimTolerance) {

    public TrustSettings {
        claimTolerance = claimTolerance == null || claimTolerance.isNegative() || claimTolerance.compareTo(Duration.ofDays(30)) > 0
                ? Duration.ofHours(24) : claimTolerance;
    }
}
