package org.hanse.app.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hanse.app.network.NodeRegistry;
import org.hanse.app.security.Principal;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.finance.Certification;
import org.hanse.core.node.NodeRole;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues and revokes certificates of core enterprises and answers whether a node is a certified core enterprise. */
@Service
public class Certificates {

    private final FinanceRepository repository;
    private final FinanceEvidence evidence;
    private final NodeRegistry registry;
    private final Clock clock;

    Certificates(FinanceRepository repository, FinanceEvidence evidence, NodeRegistry registry, Clock clock) {
        this.repository = repository;
        this.evidence = evidence;
        this.registry = registry;
        this.clock = clock;
    }

    /** A lender or certifier certifies a node that declares role core; recorded in the ledger. */
    @Transactional
    FinanceRepository.CertificateRow issue(String node, FinanceRequests.IssueCertificate body, Principal principal) {
        String issuer = principal.requireInstitution();
        requireDeclaredCore(node);
        String refusal = Certification.refusal(body.validFrom(), body.validTo());
        if (refusal != null) {
            throw new InvalidInputException(List.of(new Problem("validTo", refusal)));
        }
        FinanceRepository.CertificateRow row = new FinanceRepository.CertificateRow(UUID.randomUUID().toString(), node, issuer,
                body.scope().strip(), body.validFrom(), body.validTo(), clock.instant(), null, null);
        repository.insert(row);
        evidence.record(FinanceEvidence.ISSUED, row.id());
        return repository.certificate(row.id()).orElseThrow();
    }

    /** The issuer or the operator revokes; a second revocation is a 409; recorded in the ledger. */
    @Transactional
    FinanceRepository.CertificateRow revoke(String node, String id, Principal principal) {
        FinanceRepository.CertificateRow row = repository.certificate(id).filter(c -> c.node().equals(node))
                .orElseThrow(() -> new NotFoundException("no certificate " + id + " of node " + node));
        if (!principal.isOperator() && !principal.isInstitution(row.issuer())) {
            throw new ForbiddenException("only the issuer " + row.issuer() + " (or the operator) may revoke this certificate");
        }
        try {
            new Certification.Certificate(row.validFrom(), row.validTo(), row.revokedAt()).revoke(clock.instant());
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        }
        if (!repository.revoke(id, clock.instant(), principal.auditName())) {
            throw new ConflictException("the certificate was revoked already");
        }
        evidence.record(FinanceEvidence.REVOKED, id);
        return repository.certificate(id).orElseThrow();
    }

    /** Every certificate of a node, revoked ones too; any authenticated caller may read them (certification is public). */
    List<FinanceRepository.CertificateRow> list(String node, Principal principal) {
        requireAuthenticated(principal);
        if (registry.rolesOf(node).isEmpty()) {
            throw new NotFoundException("no node " + node);
        }
        return repository.certificatesOf(node);
    }

    /** The certificate that makes {@code node} a core enterprise today: it declares role core and one is valid. */
    public Optional<String> coreCertificate(String node) {
        if (!registry.rolesOf(node).map(r -> r.contains(NodeRole.CORE)).orElse(false)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return repository.certificatesOf(node).stream()
                .filter(c -> new Certification.Certificate(c.validFrom(), c.validTo(), c.revokedAt()).validOn(today))
                .map(FinanceRepository.CertificateRow::id).findFirst();
    }

    private void requireDeclaredCore(String node) {
        if (!registry.rolesOf(node).orElseThrow(() -> new NotFoundException("no node " + node)).contains(NodeRole.CORE)) {
            throw new ConflictException("node " + node + " does not declare role core; only a declared core enterprise is certified");
        }
    }

    static void requireAuthenticated(Principal principal) {
        if (principal.kind() == Principal.Kind.ANONYMOUS) {
            throw new ForbiddenException("this call needs an API key");
        }
    }
}
