package org.hanse.app.continuity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's network parameter for substitution candidates ({@code hanse.continuity.substitution}, defaults in
 * application.yml): the minimum level a node must reach before it is offered a buyer's business, and for TRUSTED the
 * mean trust the network must hold in it.
 */
@ConfigurationProperties("hanse.continuity.substitution")
public record SubstitutionSettings(Level minLevel, Double minTrust) {

    /** ANY: every node supplying the material; TRUSTED: verified, or held at ≥ min-trust on average; VERIFIED: verified only. */
    public enum Level { ANY, TRUSTED, VERIFIED }

    public SubstitutionSettings {
        // Missing or out-of-range values fall back to the safe defaults rather than to "anybody".
        minLevel = minLevel == null ? Level.TRUSTED : minLevel;
        minTrust = minTrust == null || minTrust.isNaN() || minTrust < 0 || minTrust > 1 ? 0.5 : minTrust;
    }
}
