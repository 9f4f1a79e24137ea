package org.hanse.app.pricing;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The network's money settings ({@code hanse.money}, defaults in application.yml): the reference currency order values
 * are compared in. (The grace after a due date is a network parameter: {@code payment.grace-days}.)
 */
@ConfigurationProperties("hanse.money")
public record MoneySettings(String referenceCurrency) {

    public MoneySettings {
        // A missing or unknown currency falls back to the documented default.
        referenceCurrency = referenceCurrency == null || !known(referenceCurrency) ? "EUR" : referenceCurrency;
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
