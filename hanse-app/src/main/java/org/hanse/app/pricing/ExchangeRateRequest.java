package org.hanse.app.pricing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code PUT /api/v1/network/exchange-rates}: every rate the network uses (replaces the set, at most 1,000). */
record ExchangeRateRequest(@NotNull @Size(max = 1000) List<@Valid @NotNull Rate> rates) {

    /** Reference-currency units for one unit of {@code currency}, valid from {@code validFrom}. */
    record Rate(@NotBlank @Size(min = 3, max = 3) String currency, @NotNull LocalDate validFrom,
                @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") BigDecimal rate) {
    }
}
