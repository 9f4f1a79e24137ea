package org.hanse.app.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of an imported spreadsheet: bytes all zip entries of an .xlsx may inflate to together, the largest
 * inflated/compressed ratio of one entry, how many entries, and how many rows a count may have (CSV too).
 */
@ConfigurationProperties("hanse.limits.spreadsheet")
public record SpreadsheetLimits(DataSize maxInflated, int maxRatio, int maxEntries, int maxRows) {

    public SpreadsheetLimits {
        maxInflated = maxInflated == null ? DataSize.ofMegabytes(32) : maxInflated;
        maxRatio = maxRatio <= 0 ? 100 : maxRatio;
        maxEntries = maxEntries <= 0 ? 200 : maxEntries;
        maxRows = maxRows <= 0 ? 100_000 : maxRows;
    }
}
