package org.hanse.app.security;

import org.hanse.app.web.ForbiddenException;

/**
 * The caller of an API request: a node (by its API key), the platform operator, a financial institution (lender or
 * certifier, by its API key: {@code institutionId} set, {@code nodeId} null so no node check passes for it), or
 * anonymous (self-registration only).
 */
public record Principal(Kind kind, String nodeId, String institutionId) {

    /** What kind of caller this is. */
    public enum Kind { NODE, OPERATOR, ANONYMOUS, LENDER, CERTIFIER }

    public static final Principal OPERATOR = new Principal(Kind.OPERATOR, null);
    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, null);

    /** A caller that is not an institution. */
    public Principal(Kind kind, String nodeId) {
        this(kind, nodeId, null);
    }

    public static Principal node(String nodeId) {
        return new Principal(Kind.NODE, nodeId);
    }

    /** A lender's or certifier's key. */
    public static Principal institution(InstitutionKind kind, String institutionId) {
        return new Principal(kind == InstitutionKind.LENDER ? Kind.LENDER : Kind.CERTIFIER, null, institutionId);
    }

    /** Whether this is the lender or certifier {@code id}. */
    public boolean isInstitution(String id) {
        return (kind == Kind.LENDER || kind == Kind.CERTIFIER) && institutionId.equals(id);
    }

    /** Passes only for the lender {@code id}; every other caller gets 403. */
    public void requireLender(String id) {
        if (kind != Kind.LENDER || !institutionId.equals(id)) {
            throw new ForbiddenException("only lender " + id + " may do this");
        }
    }

    /** Passes for a lender's or certifier's key and returns its id; every other caller gets 403. */
    public String requireInstitution() {
        if (kind != Kind.LENDER && kind != Kind.CERTIFIER) {
            throw new ForbiddenException("this call must be made with a lender's or certifier's API key");
        }
        return institutionId;
    }

    public boolean isOperator() {
        return kind == Kind.OPERATOR;
    }

    public boolean isNode(String id) {
        return kind == Kind.NODE && nodeId.equals(id);
    }

    /** Passes for the node itself or the operator; otherwise 403. */
    public void requireSelfOrOperator(String id) {
        if (!isOperator() && !isNode(id)) {
            throw new ForbiddenException("only node " + id + " (or the operator) may do this");
        }
    }

    /** Passes only for a node key; the operator and anonymous callers get 403. */
    public String requireNode() {
        if (kind != Kind.NODE) {
            throw new ForbiddenException("this call must be made with a node's API key");
        }
        return nodeId;
    }

    /** Name recorded in audit fields. */
    public String auditName() {
        return switch (kind) {
            case NODE -> nodeId;
            case OPERATOR -> "operator";
            case ANONYMOUS -> "anonymous";
            case LENDER, CERTIFIER -> kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + institutionId;
        };
    }
}
