package org.hanse.app.payments;

import org.springframework.stereotype.Service;

/** A buyer's credit record toward a supplier (RULES 3.7) for other modules, e.g. a lender's evidence view. */
@Service
public class CreditRecords {

    private final Instalments instalments;

    CreditRecords(Instalments instalments) {
        this.instalments = instalments;
    }

    /** Share of the buyer's instalments due in the last 180 days paid by due date + grace; 1 when none counts. */
    public double of(String buyer, String supplier) {
        return instalments.credit(buyer, supplier);
    }
}
