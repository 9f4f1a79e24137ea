package org.hanse.app.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in: node admins created when a node joins, colleagues they invite, the platform operator.
 * Passwords are kept only as adaptive hashes; invitation tokens only as SHA-256 digests.
 */
@Service
public class People implements UserDetailsService {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    static final int MIN_PASSWORD = 12;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    People(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A person as listed on the node's people page (no hash). */
    public record Member(String email, String displayName, PersonRole role, Instant since) {
    }

    /** An open invitation; {@code link} carries the token and exists only in the answer to the invite. */
    public record Invitation(String email, PersonRole role, String invitedBy, Instant expiresAt, String link) {
    }

    @Override
    public SignedInPerson loadUserByUsername(String email) {
        return find(email).orElseThrow(() -> new UsernameNotFoundException("no such person"));
    }

    Optional<SignedInPerson> find(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT email, display_name, password_hash, node_id, role, institution_id FROM person WHERE email = ?")
                .param(email.trim().toLowerCase(Locale.ROOT))
                .query((rs, n) -> new SignedInPerson(rs.getString("email"), rs.getString("display_name"), rs.getString("password_hash"),
                        rs.getString("node_id"), PersonRole.valueOf(rs.getString("role")), rs.getString("institution_id")))
                .optional();
    }

    /** The first person of a node that has just joined: its admin. Validates every field; a taken email is a 409. */
    @Transactional
    public SignedInPerson createNodeAdmin(String nodeId, String email, String displayName, String password) {
        List<Problem> problems = new ArrayList<>();
        String normalised = checkEmail("admin.email", email, problems);
        checkName("admin.name", displayName, problems);
        checkPassword("admin.password", password, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insert(normalised, displayName.trim(), password, nodeId, PersonRole.NODE_ADMIN, null);
    }

    /** The person who signs in for a lender or certifier (paths {@code person.*}); a taken email is a 409. */
    @Transactional
    void createInstitutionOfficer(String institutionId, InstitutionKind kind, String email, String displayName, String password) {
        List<Problem> problems = new ArrayList<>();
        String normalised = checkEmail("person.email", email, problems);
        checkName("person.name", displayName, problems);
        checkPassword("person.password", password, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        insert(normalised, displayName.trim(), password, null, kind == InstitutionKind.LENDER ? PersonRole.LENDER_OFFICER : PersonRole.CERTIFIER_OFFICER, null);
        jdbc.sql("UPDATE person SET institution_id = ? WHERE email = ?").params(institutionId, normalised).update();
    }

    /** Checks the admin fields of a join form before anything is stored, so a bad form registers nothing. */
    public List<Problem> checkNewAdmin(String email, String displayName, String password) {
        List<Problem> problems = new ArrayList<>();
        String normalised = checkEmail("admin.email", email, problems);
        checkName("admin.name", displayName, problems);
        checkPassword("admin.password", password, problems);
        if (normalised != null && find(normalised).isPresent()) {
            problems.add(new Problem("admin.email", "a person with this email already exists"));
        }
        return problems;
    }

    /** Creates the platform operator's account for the configured email if none has it yet; returns the generated password, if one was made. */
    @Transactional
    Optional<String> ensurePlatformOperator(String configuredEmail, String configuredPassword) {
        String email = configuredEmail.trim().toLowerCase(java.util.Locale.ROOT);
        // The configured email is the operator's sign-in: created when no account has it yet (first start, or the
        // operator's address changed in the settings); an existing account keeps its password.
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM person WHERE email = ?").param(email)
                .query(Long.class).single() > 0;
        if (exists) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? token("hp_") : configuredPassword;
        insert(email, "Platform operator", password, null, PersonRole.PLATFORM_OPERATOR, null);
        return generated ? Optional.of(password) : Optional.empty();
    }

    /** A node admin (or the platform operator) invites a colleague; the answer holds the link, shown once. */
    @Transactional
    public Invitation invite(String nodeId, String email, String role, SignedInPerson by) {
        if (!by.isPlatformOperator() && !(by.isNodeAdmin() && nodeId.equals(by.nodeId()))) {
            throw new ForbiddenException("only an admin of node " + nodeId + " may invite people to it");
        }
        List<Problem> problems = new ArrayList<>();
        String normalised = checkEmail("email", email, problems);
        PersonRole parsed = null;
        try {
            parsed = role == null ? null : PersonRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (parsed == null || !PersonRole.invitable(parsed)) {
            problems.add(new Problem("role", "must be one of NODE_ADMIN, NODE_OPERATOR, VIEWER"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (find(normalised).isPresent()) {
            throw new ConflictException(normalised + " already has an account");
        }
        Instant now = clock.instant();
        String token = token("hi_");
        Instant expires = now.plus(INVITATION_VALIDITY);
        jdbc.sql("INSERT INTO invitation (token_hash, node_id, email, role, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(ApiKeys.hash(token), nodeId, normalised, parsed.name(), by.email(), java.sql.Timestamp.from(now), java.sql.Timestamp.from(expires))
                .update();
        return new Invitation(normalised, parsed, by.email(), expires, "/invitations/" + token);
    }

    /** The invitation behind a token, if it is still open. */
    public Optional<Invitation> openInvitation(String token) {
        return jdbc.sql("SELECT email, role, invited_by, expires_at FROM invitation WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > ?")
                .params(ApiKeys.hash(token), java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getString("email"), PersonRole.valueOf(rs.getString("role")), rs.getString("invited_by"),
                        rs.getTimestamp("expires_at").toInstant(), null))
                .optional();
    }

    /** The invitee sets name and password; the invitation is used once (a second use, or a late one, is a 404). */
    @Transactional
    public SignedInPerson accept(String token, String displayName, String password) {
        List<Problem> problems = new ArrayList<>();
        checkName("name", displayName, problems);
        checkPassword("password", password, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        var row = jdbc.sql("SELECT node_id, email, role, invited_by FROM invitation WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > ? FOR UPDATE")
                .params(ApiKeys.hash(token), java.sql.Timestamp.from(now))
                .query((rs, n) -> new String[] {rs.getString("node_id"), rs.getString("email"), rs.getString("role"), rs.getString("invited_by")})
                .optional()
                .orElseThrow(() -> new NotFoundException("this invitation does not exist, was used already or has expired"));
        jdbc.sql("UPDATE invitation SET accepted_at = ? WHERE token_hash = ?").params(java.sql.Timestamp.from(now), ApiKeys.hash(token)).update();
        return insert(row[1], displayName.trim(), password, row[0], PersonRole.valueOf(row[2]), row[3]);
    }

    /** A node admin (or the platform operator) removes a colleague; the node keeps at least one admin. */
    @Transactional
    public void remove(String nodeId, String email, SignedInPerson by) {
        if (!by.isPlatformOperator() && !(by.isNodeAdmin() && nodeId.equals(by.nodeId()))) {
            throw new ForbiddenException("only an admin of node " + nodeId + " may remove its people");
        }
        SignedInPerson person = find(email).filter(p -> nodeId.equals(p.nodeId()))
                .orElseThrow(() -> new NotFoundException(email + " does not belong to node " + nodeId));
        // Lock the node's admins so two admins removing each other at once cannot leave the node without one.
        List<String> admins = jdbc.sql("SELECT email FROM person WHERE node_id = ? AND role = ? ORDER BY email FOR UPDATE")
                .params(nodeId, PersonRole.NODE_ADMIN.name()).query(String.class).list();
        if (person.isNodeAdmin() && admins.size() <= 1) {
            throw new ConflictException(person.email() + " is the node's last admin; make someone else admin first");
        }
        jdbc.sql("DELETE FROM person WHERE email = ?").param(person.email()).update();
    }

    /** A person changes their own password, proving the current one. */
    @Transactional
    public void changePassword(String email, String current, String next) {
        SignedInPerson person = find(email).orElseThrow(() -> new NotFoundException("no such person"));
        List<Problem> problems = new ArrayList<>();
        if (current == null || !passwords.matches(current, person.passwordHash())) {
            problems.add(new Problem("current", "is not your current password"));
        }
        checkPassword("password", next, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("UPDATE person SET password_hash = ? WHERE email = ?").params(passwords.encode(next), person.email()).update();
    }

    /** Whether a signed-in person still has the account, node and role their session was opened with. */
    boolean stillValid(SignedInPerson signedIn) {
        return find(signedIn.email()).filter(p -> java.util.Objects.equals(p.nodeId(), signedIn.nodeId()) && p.role() == signedIn.role()).isPresent();
    }

    /** Everyone who belongs to the node, for its own people and the platform operator. */
    public List<Member> members(String nodeId, Principal principal) {
        principal.requireSelfOrOperator(nodeId);
        return jdbc.sql("SELECT email, display_name, role, created_at FROM person WHERE node_id = ? ORDER BY created_at, email")
                .param(nodeId)
                .query((rs, n) -> new Member(rs.getString("email"), rs.getString("display_name"), PersonRole.valueOf(rs.getString("role")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The node's invitations not used yet and not expired. */
    public List<Invitation> pendingInvitations(String nodeId, Principal principal) {
        principal.requireSelfOrOperator(nodeId);
        return jdbc.sql("SELECT email, role, invited_by, expires_at FROM invitation WHERE node_id = ? AND accepted_at IS NULL AND expires_at > ? ORDER BY created_at")
                .params(nodeId, java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getString("email"), PersonRole.valueOf(rs.getString("role")), rs.getString("invited_by"),
                        rs.getTimestamp("expires_at").toInstant(), null))
                .list();
    }

    private SignedInPerson insert(String email, String name, String password, String nodeId, PersonRole role, String invitedBy) {
        String hash = passwords.encode(password);
        int inserted = jdbc.sql("INSERT INTO person (email, display_name, password_hash, node_id, role, invited_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(email, name, hash, nodeId, role.name(), invitedBy, java.sql.Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new ConflictException(email + " already has an account");
        }
        return new SignedInPerson(email, name, hash, nodeId, role);
    }

    private static String checkEmail(String path, String email, List<Problem> problems) {
        if (email == null || email.isBlank()) {
            problems.add(new Problem(path, "is required"));
            return null;
        }
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            problems.add(new Problem(path, "is not an email address"));
            return null;
        }
        return normalised;
    }

    private static void checkName(String path, String name, List<Problem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new Problem(path, "is required"));
        } else if (name.trim().length() > 200) {
            problems.add(new Problem(path, "must be at most 200 characters"));
        }
    }

    private static void checkPassword(String path, String password, List<Problem> problems) {
        if (password == null || password.length() < MIN_PASSWORD) {
            problems.add(new Problem(path, "must be at least " + MIN_PASSWORD + " characters"));
        } else if (password.length() > 128) {
            problems.add(new Problem(path, "must be at most 128 characters"));
        }
    }

    private static String token(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
