package org.hanse.app.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ledger's settings ({@code hanse.ledger}, defaults in application.yml): the checkpoint origin (also the signing
 * key's name), an optional configured signing key (base64 Ed25519 seed; else generated into the data directory) and
 * how often a grown tree gets a new signed checkpoint.
 */
@ConfigurationProperties("hanse.ledger")
public record LedgerProperties(String origin, String signingKey, Duration checkpointEvery) {

    public LedgerProperties {
        origin = origin == null || origin.isBlank() ? "hanse.local/ledger" : origin.trim();
        signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.trim();
        checkpointEvery = checkpointEvery == null || checkpointEvery.isNegative() || checkpointEvery.isZero()
                ? Duration.ofMinutes(1) : checkpointEvery;
    }
}
