package org.hanse.app.finance;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hanse.app.logistics.InvoiceBook;
import org.hanse.app.ordering.OrderBook;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * No double financing: a lender claims the evidence record a financing rests on — an invoice the applicant issued
 * (receivables) or an order it placed (prepayment) — and the database lets one live claim per record exist.
 */
@Service
class Claims {

    /** The records a claim may rest on so far; payables and pledged lots come with their workflows. */
    enum Kind { INVOICE, ORDER }

    private final FinanceRepository repository;
    private final FinanceEvidence evidence;
    private final Consents consents;
    private final InvoiceBook invoices;
    private final OrderBook orders;
    private final Clock clock;

    Claims(FinanceRepository repository, FinanceEvidence evidence, Consents consents, InvoiceBook invoices, OrderBook orders, Clock clock) {
        this.repository = repository;
        this.evidence = evidence;
        this.consents = consents;
        this.invoices = invoices;
        this.orders = orders;
        this.clock = clock;
    }

    /** The lender, holding the applicant's consent, claims a record of the applicant's; 409 when it is claimed already. */
    @Transactional
    FinanceRepository.ClaimRow claim(String lender, FinanceRequests.Claim body, Principal principal) {
        consents.requireConsent(lender, body.applicant(), principal);
        Kind kind = Kind.valueOf(body.kind());
        boolean owned = switch (kind) {
            case INVOICE -> invoices.find(body.record())
                    .filter(i -> i.kind() == InvoiceBook.Kind.INVOICE && i.supplier().equals(body.applicant())).isPresent();
            case ORDER -> orders.record(body.record()).filter(o -> o.buyer().equals(body.applicant())).isPresent();
        };
        if (!owned) {
            throw new InvalidInputException(List.of(new Problem("record", "is not an " + kind.name().toLowerCase() + " of " + body.applicant()
                    + (kind == Kind.INVOICE ? " as supplier" : " as buyer"))));
        }
        FinanceRepository.ClaimRow row = new FinanceRepository.ClaimRow(UUID.randomUUID().toString(), kind.name(), body.record(),
                body.applicant(), lender, clock.instant(), null);
        try {
            repository.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(kind.name().toLowerCase() + " " + body.record() + " already backs a live financing");
        }
        evidence.record(FinanceEvidence.CLAIMED, row.id());
        return repository.claim(row.id()).orElseThrow();
    }

    /** The claiming lender releases its claim (the financing ended); a second release is a 409. */
    @Transactional
    FinanceRepository.ClaimRow release(String lender, String id, Principal principal) {
        principal.requireLender(lender);
        FinanceRepository.ClaimRow row = repository.claim(id).filter(c -> c.lender().equals(lender))
                .orElseThrow(() -> new NotFoundException("no claim " + id + " of lender " + lender));
        if (!repository.release(id, clock.instant())) {
            throw new ConflictException("claim " + id + " was released already");
        }
        evidence.record(FinanceEvidence.RELEASED, id);
        return repository.claim(id).orElseThrow();
    }
}
