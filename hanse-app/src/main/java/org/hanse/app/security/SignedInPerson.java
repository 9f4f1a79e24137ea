package org.hanse.app.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in to the web UI; acts as its node's {@link Principal} (or the operator's) in every call. */
public record SignedInPerson(String email, String displayName, String passwordHash, String nodeId, PersonRole role, String institutionId)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A person of a node, or the platform operator (no institution). */
    public SignedInPerson(String email, String displayName, String passwordHash, String nodeId, PersonRole role) {
        this(email, displayName, passwordHash, nodeId, role, null);
    }

    /** The principal the services check, exactly as for an API key of the same node (or lender, certifier). */
    public Principal principal() {
        return switch (role) {
            case PLATFORM_OPERATOR -> Principal.OPERATOR;
            case LENDER_OFFICER -> Principal.institution(InstitutionKind.LENDER, institutionId);
            case CERTIFIER_OFFICER -> Principal.institution(InstitutionKind.CERTIFIER, institutionId);
            default -> Principal.node(nodeId);
        };
    }

    /** Whether the person signs in for a lender. */
    public boolean isLenderOfficer() {
        return role == PersonRole.LENDER_OFFICER;
    }

    public boolean isPlatformOperator() {
        return role == PersonRole.PLATFORM_OPERATOR;
    }

    public boolean mayAct() {
        return role.mayAct();
    }

    public boolean isNodeAdmin() {
        return role == PersonRole.NODE_ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** Never print the hash. */
    @Override
    public String toString() {
        return "SignedInPerson[" + email + ", " + role + (nodeId == null ? "" : " of " + nodeId) + "]";
    }
}
