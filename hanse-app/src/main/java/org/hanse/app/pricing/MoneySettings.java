package org.hanse.app.pricing;

import java.time.Duration;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The network's money settings ({@code hanse.money}, defaults in application.yml): the reference currency order values
 * are compared in, and the grace after a due date before an unpaid instalment is overdue (and counts as late in the
 * credit record).
 */
@ConfigurationProperties("hanse.money")
public record MoneySettings(String referenceCurrency, Duration grace) {

    public MoneySettings {
        // A missing or unknown currency, or a negative or absurd grace, falls back to the documented defaults.
        referenceCurrency = referenceCurrency == null || !known(referenceCurrency) ? "EUR" : referenceCurrency;
        grace = grace == null || grace.isNegative() || grace.compareTo(Duration.ofDays(90)) > 0 ? Duration.ofDays(2) : grace;
    }

    /** The reference currency as an ISO 4217 currency. */
    public Currency reference() {
        return Currency.getInstance(referenceCurrency);
    }

    private static boolean known(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
