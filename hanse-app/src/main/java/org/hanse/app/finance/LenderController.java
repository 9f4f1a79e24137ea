package org.hanse.app.finance;

import java.time.Instant;
import java.util.List;
import org.hanse.app.security.Principal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Consents (a node's, per lender) and what a lender reads with them: its applicants and each one's evidence. */
@RestController
class LenderController {

    private final Consents consents;
    private final EvidenceView evidence;
    private final Claims claims;
    private final jakarta.validation.Validator validator;

    LenderController(Consents consents, EvidenceView evidence, Claims claims, jakarta.validation.Validator validator) {
        this.consents = consents;
        this.evidence = evidence;
        this.claims = claims;
        this.validator = validator;
    }

    /** A claim as the API shows it, with its ledger references. */
    record ClaimView(String id, String kind, String record, String applicant, String lender, Instant claimedAt, Instant releasedAt,
                     java.util.Map<String, Object> ledger, java.util.Map<String, Object> releaseLedger) {
    }

    /** A consent as the API shows it; live while {@code revokedAt} is null. */
    record ConsentView(String node, String lender, Instant grantedAt, Instant revokedAt) {

        static ConsentView of(ConsentRepository.ConsentRow c) {
            return new ConsentView(c.node(), c.lender(), c.grantedAt(), c.revokedAt());
        }
    }

    /** The applicants whose consent a lender holds. */
    record ApplicantList(List<ConsentView> items) {
    }

    @PutMapping("/api/v1/nodes/{id}/consents/{lender}")
    ConsentView grant(@PathVariable String id, @PathVariable String lender, Principal principal) {
        return ConsentView.of(consents.grant(id, lender, principal));
    }

    @DeleteMapping("/api/v1/nodes/{id}/consents/{lender}")
    ConsentView revoke(@PathVariable String id, @PathVariable String lender, Principal principal) {
        return ConsentView.of(consents.revoke(id, lender, principal));
    }

    @GetMapping("/api/v1/lenders/{lender}/applicants")
    ApplicantList applicants(@PathVariable String lender, Principal principal) {
        return new ApplicantList(consents.applicants(lender, principal).stream().map(ConsentView::of).toList());
    }

    // Who may ask comes first: the lender's key is checked before the body is validated.
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/lenders/{lender}/claims")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ClaimView claim(@PathVariable String lender, @org.springframework.web.bind.annotation.RequestBody FinanceRequests.Claim body, Principal principal) {
        principal.requireLender(lender);
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new org.hanse.core.validation.InvalidInputException(violations.stream()
                    .map(v -> new org.hanse.core.validation.Problem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(org.hanse.core.validation.Problem::path)).toList());
        }
        return view(claims.claim(lender, body, principal));
    }

    @DeleteMapping("/api/v1/lenders/{lender}/claims/{claim}")
    ClaimView release(@PathVariable String lender, @PathVariable String claim, Principal principal) {
        return view(claims.release(lender, claim, principal));
    }

    private ClaimView view(FinanceRepository.ClaimRow c) {
        return new ClaimView(c.id(), c.kind(), c.record(), c.applicant(), c.lender(), c.claimedAt(), c.releasedAt(),
                evidence.reference(FinanceEvidence.CLAIMED, c.id()), evidence.reference(FinanceEvidence.RELEASED, c.id()));
    }

    @GetMapping("/api/v1/lenders/{lender}/applicants/{node}/evidence")
    EvidenceView.Evidence evidence(@PathVariable String lender, @PathVariable String node, Principal principal) {
        return evidence.of(lender, node, principal);
    }
}
