package org.hanse.app.security;

/** The kinds of financial institution the operator admits: a lender finances, a certifier (auditor) certifies. */
public enum InstitutionKind {
    /** A bank or other financier: certifies core enterprises, reads consenting applicants' evidence, lends. */
    LENDER,
    /** An auditor: certifies core enterprises. */
    CERTIFIER
}
