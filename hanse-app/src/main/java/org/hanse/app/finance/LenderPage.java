package org.hanse.app.finance;

import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The lender's pages: the applicants whose consent it holds, and each one's evidence (same checks as the API). */
@Page
class LenderPage {

    private final Consents consents;
    private final EvidenceView evidence;

    LenderPage(Consents consents, EvidenceView evidence) {
        this.consents = consents;
        this.evidence = evidence;
    }

    @GetMapping("/ui/lenders/{lender}")
    String applicants(@PathVariable String lender, Principal principal, Model model) {
        model.addAttribute("lender", lender);
        model.addAttribute("applicants", consents.applicants(lender, principal));
        return "finance/lender";
    }

    @GetMapping("/ui/lenders/{lender}/applicants/{node}")
    String evidence(@PathVariable String lender, @PathVariable String node, Principal principal, Model model) {
        model.addAttribute("lender", lender);
        model.addAttribute("e", evidence.of(lender, node, principal));
        return "finance/evidence";
    }
}
