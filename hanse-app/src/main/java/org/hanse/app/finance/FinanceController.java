package org.hanse.app.finance;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.app.security.Principal;
import org.hanse.core.payment.Money;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Certificates of core enterprises and guarantee agreements over the API. */
@RestController
class FinanceController {

    private final Certificates certificates;
    private final Guarantees guarantees;
    private final FinanceEvidence evidence;
    private final Validator validator;

    FinanceController(Certificates certificates, Guarantees guarantees, FinanceEvidence evidence, Validator validator) {
        this.certificates = certificates;
        this.guarantees = guarantees;
        this.evidence = evidence;
        this.validator = validator;
    }

    /** A certificate as the API shows it, with its ledger references. */
    record CertificateView(String id, String node, String issuer, String scope, LocalDate validFrom, LocalDate validTo,
                           Instant issuedAt, Instant revokedAt, String revokedBy, Map<String, Object> ledger,
                           Map<String, Object> revocationLedger) {
    }

    /** A node's certificates. */
    record CertificateList(List<CertificateView> items) {
    }

    /** A guarantee as the API shows it, amounts at the currency's minor unit. */
    record GuaranteeView(String id, String core, String supplier, String limit, String currency, LocalDate validTo,
                         String certificate, Instant agreedAt, Map<String, Object> ledger) {
    }

    /** A core enterprise's guarantees. */
    record GuaranteeList(List<GuaranteeView> items) {
    }

    // Who may ask comes first: the body is validated after the caller's right is checked, so a node learns 403, not
    // what the body lacks.
    @PostMapping("/api/v1/nodes/{id}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    CertificateView issue(@PathVariable String id, @RequestBody FinanceRequests.IssueCertificate body, Principal principal) {
        principal.requireInstitution();
        return view(certificates.issue(id, valid(body), principal));
    }

    @GetMapping("/api/v1/nodes/{id}/certificates")
    CertificateList certificates(@PathVariable String id, Principal principal) {
        return new CertificateList(certificates.list(id, principal).stream().map(this::view).toList());
    }

    @DeleteMapping("/api/v1/nodes/{id}/certificates/{certId}")
    CertificateView revoke(@PathVariable String id, @PathVariable String certId, Principal principal) {
        return view(certificates.revoke(id, certId, principal));
    }

    @PostMapping("/api/v1/nodes/{core}/guarantees")
    @ResponseStatus(HttpStatus.CREATED)
    GuaranteeView guarantee(@PathVariable String core, @RequestBody FinanceRequests.Guarantee body, Principal principal) {
        if (!principal.isNode(core)) {
            throw new org.hanse.app.web.ForbiddenException("only node " + core + " may give its guarantee");
        }
        return view(guarantees.agree(core, valid(body)));
    }

    @GetMapping("/api/v1/nodes/{core}/guarantees")
    GuaranteeList guarantees(@PathVariable String core, Principal principal) {
        principal.requireSelfOrOperator(core);
        return new GuaranteeList(guarantees.of(core).stream().map(this::view).toList());
    }

    private CertificateView view(FinanceRepository.CertificateRow c) {
        return new CertificateView(c.id(), c.node(), c.issuer(), c.scope(), c.validFrom(), c.validTo(), c.issuedAt(), c.revokedAt(),
                c.revokedBy(), evidence.reference(FinanceEvidence.ISSUED, c.id()).orElse(null),
                evidence.reference(FinanceEvidence.REVOKED, c.id()).orElse(null));
    }

    private GuaranteeView view(FinanceRepository.GuaranteeRow g) {
        return new GuaranteeView(g.id(), g.core(), g.supplier(), new Money(g.limit(), java.util.Currency.getInstance(g.currency())).plain(),
                g.currency(), g.validTo(), g.certificate(), g.agreedAt(), evidence.reference(FinanceEvidence.GUARANTEED, g.id()).orElse(null));
    }

    private <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream().map(v -> new Problem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem::path)).toList());
        }
        return body;
    }
}
