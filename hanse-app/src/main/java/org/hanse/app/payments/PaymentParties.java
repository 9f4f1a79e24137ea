package org.hanse.app.payments;

import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;

/** Who sees a pair's terms and payments: its two parties and the operator. */
final class PaymentParties {

    private PaymentParties() {
    }

    static void require(Principal principal, String a, String b) {
        if (!principal.isOperator() && !principal.requireNode().equals(a) && !principal.requireNode().equals(b)) {
            throw new ForbiddenException("only the two parties see their terms and payments");
        }
    }
}
