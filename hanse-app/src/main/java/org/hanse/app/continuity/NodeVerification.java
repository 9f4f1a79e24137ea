package org.hanse.app.continuity;

/** The operator's verification of a node (checked identity and trade), which admits it as a substitution candidate. */
public interface NodeVerification {

    /** Marks the node verified (or takes the mark back), with the operator's note. */
    void verify(String node, boolean verified, String note);
}
