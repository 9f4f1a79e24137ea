package org.hanse.app.security;

import org.hanse.app.web.ForbiddenException;

/** The caller of an API request: a node (by its API key), the platform operator, or anonymous (self-registration only). */
public record Principal(Kind kind, String nodeId) {

    /** What kind of caller this is. */
    public enum Kind { NODE, OPERATOR, ANONYMOUS }

    public static final Principal OPERATOR = new Principal(Kind.OPERATOR, null);
    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, null);

    public static Principal node(String nodeId) {
        return new Principal(Kind.NODE, nodeId);
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
        };
    }
}
