package org.hanse.app.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.hanse.app.network.NodeRegistry;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.core.payment.Money;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Guarantee agreements: a certified core enterprise guarantees a supplier's financing up to a limit. */
@Service
class Guarantees {

    private final FinanceRepository repository;
    private final FinanceEvidence evidence;
    private final Certificates certificates;
    private final NodeRegistry registry;
    private final Clock clock;

    Guarantees(FinanceRepository repository, FinanceEvidence evidence, Certificates certificates, NodeRegistry registry, Clock clock) {
        this.repository = repository;
        this.evidence = evidence;
        this.certificates = certificates;
        this.registry = registry;
        this.clock = clock;
    }

    /** The core node itself agrees; refused (409, with the reason) unless it is a certified core enterprise today. */
    @Transactional
    FinanceRepository.GuaranteeRow agree(String core, FinanceRequests.Guarantee body) {
        Currency currency;
        try {
            currency = Currency.getInstance(body.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new Problem("currency", "is not an ISO 4217 currency")));
        }
        if (!Money.exactInMinorUnits(body.limit(), currency)) {
            throw new InvalidInputException(List.of(new Problem("limit", "must have at most " + Money.minorDigits(currency) + " decimals in " + currency)));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (body.validTo().isBefore(today)) {
            throw new InvalidInputException(List.of(new Problem("validTo", "must not be in the past")));
        }
        if (registry.rolesOf(body.supplier()).isEmpty() || body.supplier().equals(core)) {
            throw new InvalidInputException(List.of(new Problem("supplier", "must be another registered node")));
        }
        String certificate = certificates.coreCertificate(core).orElseThrow(() -> new ConflictException(
                "node " + core + " is not a certified core enterprise (role core and a valid certificate); it cannot guarantee"));
        FinanceRepository.GuaranteeRow row = new FinanceRepository.GuaranteeRow(UUID.randomUUID().toString(), core, body.supplier(),
                new Money(body.limit(), currency).amount(), currency.getCurrencyCode(), body.validTo(), certificate, clock.instant());
        repository.insert(row);
        evidence.record(FinanceEvidence.GUARANTEED, row.id());
        return repository.guarantee(row.id()).orElseThrow();
    }

    List<FinanceRepository.GuaranteeRow> of(String core) {
        return repository.guaranteesOf(core);
    }
}
