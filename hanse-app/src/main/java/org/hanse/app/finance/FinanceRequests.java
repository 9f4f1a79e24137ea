package org.hanse.app.finance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the finance API, one record per operation. */
final class FinanceRequests {

    private FinanceRequests() {
    }

    /** Body of {@code POST /api/v1/nodes/{id}/certificates}. */
    record IssueCertificate(@NotBlank @Size(max = 200) String scope, @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    /** Body of {@code POST /api/v1/nodes/{core}/guarantees}: limit in {@code currency} (ISO 4217), valid until {@code validTo}. */
    record Guarantee(@NotBlank @Size(max = 64) String supplier,
                     @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000000") BigDecimal limit,
                     @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
                     @NotNull LocalDate validTo) {
    }

    /** Body of {@code POST /api/v1/lenders/{lender}/claims}: the applicant's record a financing rests on. */
    record Claim(@NotNull @Pattern(regexp = "INVOICE|ORDER", message = "must be INVOICE or ORDER") String kind,
                 @NotBlank @Size(max = 200) String record, @NotBlank @Size(max = 64) String applicant) {
    }
}
