package org.hanse.app.security;

/** What a signed-in person may do: run their node (admin, operator), only look (viewer), or run the platform. */
public enum PersonRole {
    /** Runs the node: everything an operator may, and invites colleagues. */
    NODE_ADMIN("Node admin"),
    /** Works the node's day: decides orders, records stock, answers warnings. */
    NODE_OPERATOR("Operator"),
    /** Reads the node's workspace; changes nothing. */
    VIEWER("Viewer"),
    /** Runs the platform: sees the whole network and its alerts. */
    PLATFORM_OPERATOR("Platform operator"),
    /** Works for a lender: reads consenting applicants' evidence. */
    LENDER_OFFICER("Lender"),
    /** Works for a certifier (auditor). */
    CERTIFIER_OFFICER("Certifier");

    private final String label;

    PersonRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this role may change anything (every role but viewer). */
    public boolean mayAct() {
        return this != VIEWER;
    }

    /** The roles a node admin may give by invitation. */
    static boolean invitable(PersonRole role) {
        return role != PLATFORM_OPERATOR && role != LENDER_OFFICER && role != CERTIFIER_OFFICER;
    }
}
