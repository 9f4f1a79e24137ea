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

    LenderController(Consents consents, EvidenceView evidence) {
        this.consents = consents;
        this.evidence = evidence;
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

    @GetMapping("/api/v1/lenders/{lender}/applicants/{node}/evidence")
    EvidenceView.Evidence evidence(@PathVariable String lender, @PathVariable String node, Principal principal) {
        return evidence.of(lender, node, principal);
    }
}
