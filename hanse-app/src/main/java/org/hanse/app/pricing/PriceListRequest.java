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

/** Body of {@code PUT /api/v1/nodes/{id}/prices}: the supplier's whole price list (at most 1,000 entries). */
record PriceListRequest(@NotNull @Size(max = 1000) List<@Valid @NotNull Entry> prices) {

    /** One price: material (its unit is the supplier's mapped unit), buyer (absent: every buyer), amount, currency, from when. */
    record Entry(@NotBlank @Size(max = 40) String material, @Size(min = 1, max = 64) String buyer,
                 @NotNull @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal unitPrice,
                 @NotBlank @Size(min = 3, max = 3) String currency, @NotNull LocalDate validFrom) {
    }
}
