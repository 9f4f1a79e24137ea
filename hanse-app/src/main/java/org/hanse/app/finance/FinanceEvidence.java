package org.hanse.app.finance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hanse.app.ledger.Evidence;
import org.hanse.app.ledger.EvidenceLedger;
import org.hanse.app.ledger.LedgerRecords;
import org.hanse.core.payment.Money;
import org.springframework.stereotype.Component;

/**
 * Certificates, their revocations and guarantees in the evidence ledger, built from the stored rows when recorded and
 * when audited. The issue entry leaves out the revocation fields, so a later revocation does not alter it.
 */
@Component
class FinanceEvidence implements LedgerRecords {

    static final String ISSUED = "certificate.issued";
    static final String REVOKED = "certificate.revoked";
    static final String GUARANTEED = "guarantee.agreed";
    static final String CLAIMED = "claim.made";
    static final String RELEASED = "claim.released";

    private final EvidenceLedger ledger;
    private final FinanceRepository repository;

    FinanceEvidence(EvidenceLedger ledger, FinanceRepository repository) {
        this.ledger = ledger;
        this.repository = repository;
    }

    /** Call last in the recording transaction (the ledger's lock is held to commit). */
    void record(String kind, String id) {
        ledger.append(kind, id, evidence(kind, id).orElseThrow());
    }

    /** The ledger reference ({@code index}, {@code proof}) of a record, if recorded. */
    Optional<Map<String, Object>> reference(String kind, String id) {
        return ledger.reference(kind, id);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ISSUED, REVOKED, GUARANTEED, CLAIMED, RELEASED);
    }

    @Override
    public Optional<Evidence> evidence(String kind, String recordId) {
        return switch (kind) {
            case ISSUED -> repository.certificate(recordId).map(FinanceEvidence::issued);
            case REVOKED -> repository.certificate(recordId).filter(c -> c.revokedAt() != null).map(FinanceEvidence::revoked);
            case GUARANTEED -> repository.guarantee(recordId).map(FinanceEvidence::guaranteed);
            case CLAIMED -> repository.claim(recordId).map(FinanceEvidence::claimed);
            case RELEASED -> repository.claim(recordId).filter(c -> c.releasedAt() != null).map(FinanceEvidence::released);
            default -> Optional.empty();
        };
    }

    private static Evidence issued(FinanceRepository.CertificateRow c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", c.id());
        r.put("node", c.node());
        r.put("issuer", c.issuer());
        r.put("scope", c.scope());
        r.put("validFrom", c.validFrom().toString());
        r.put("validTo", c.validTo().toString());
        r.put("issuedAt", c.issuedAt().toString());
        return new Evidence(List.of(c.node()), r);
    }

    private static Evidence revoked(FinanceRepository.CertificateRow c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("certificate", c.id());
        r.put("node", c.node());
        r.put("revokedAt", c.revokedAt().toString());
        r.put("revokedBy", c.revokedBy());
        return new Evidence(List.of(c.node()), r);
    }

    private static Evidence claimed(FinanceRepository.ClaimRow c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", c.id());
        r.put("kind", c.kind());
        r.put("record", c.record());
        r.put("applicant", c.applicant());
        r.put("lender", c.lender());
        r.put("claimedAt", c.claimedAt().toString());
        return new Evidence(List.of(c.applicant()), r);
    }

    private static Evidence released(FinanceRepository.ClaimRow c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("claim", c.id());
        r.put("kind", c.kind());
        r.put("record", c.record());
        r.put("releasedAt", c.releasedAt().toString());
        return new Evidence(List.of(c.applicant()), r);
    }

    private static Evidence guaranteed(FinanceRepository.GuaranteeRow g) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", g.id());
        r.put("core", g.core());
        r.put("supplier", g.supplier());
        r.put("limit", new Money(g.limit(), java.util.Currency.getInstance(g.currency())).plain());
        r.put("currency", g.currency());
        r.put("validTo", g.validTo().toString());
        r.put("certificate", g.certificate());
        r.put("agreedAt", g.agreedAt().toString());
        return new Evidence(List.of(g.core(), g.supplier()), r);
    }
}
