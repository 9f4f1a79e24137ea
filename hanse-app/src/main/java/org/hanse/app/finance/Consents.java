package org.hanse.app.finance;

import java.time.Clock;
import java.util.List;
import org.hanse.app.security.InstitutionKind;
import org.hanse.app.security.Institutions;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A node's consent, per lender and revocable, that the lender reads its evidence. */
@Service
class Consents {

    private final ConsentRepository repository;
    private final Institutions institutions;
    private final Clock clock;

    Consents(ConsentRepository repository, Institutions institutions, Clock clock) {
        this.repository = repository;
        this.institutions = institutions;
        this.clock = clock;
    }

    /** The node itself grants (again); the lender must be an admitted lender (404 otherwise). */
    @Transactional
    ConsentRepository.ConsentRow grant(String node, String lender, Principal principal) {
        requireOwner(node, principal);
        institutions.find(lender).filter(i -> i.kind() == InstitutionKind.LENDER)
                .orElseThrow(() -> new NotFoundException("no lender " + lender));
        repository.grant(node, lender, clock.instant());
        return repository.find(node, lender).orElseThrow();
    }

    /** The node itself revokes; 404 when no consent is live. */
    @Transactional
    ConsentRepository.ConsentRow revoke(String node, String lender, Principal principal) {
        requireOwner(node, principal);
        if (!repository.revoke(node, lender, clock.instant())) {
            throw new NotFoundException("node " + node + " has no live consent for lender " + lender);
        }
        return repository.find(node, lender).orElseThrow();
    }

    /** 403 unless the caller is lender {@code lender} holding the node's live consent. */
    void requireConsent(String lender, String node, Principal principal) {
        principal.requireLender(lender);
        if (!repository.live(node, lender)) {
            throw new ForbiddenException("node " + node + " has not given lender " + lender + " its consent");
        }
    }

    /** The applicants whose consent the lender holds now (the lender itself only). */
    List<ConsentRepository.ConsentRow> applicants(String lender, Principal principal) {
        principal.requireLender(lender);
        return repository.liveFor(lender);
    }

    private static void requireOwner(String node, Principal principal) {
        if (!principal.isNode(node)) {
            throw new ForbiddenException("only node " + node + " may give or revoke its consent");
        }
    }
}
