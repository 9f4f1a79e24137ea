package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hanse.app.security.People;
import org.hanse.app.security.PersonRole;
import org.hanse.app.security.Principal;
import org.hanse.app.security.SignedInPerson;
import org.hanse.app.web.ConflictException;
import org.hanse.app.web.ForbiddenException;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/** People who sign in: hashed passwords, validated fields, invitations used once and before they expire. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ApiTestSupport.OPERATOR_PROPERTY, "hanse.data-dir=target/test-data", "hanse.links.timeout-check=PT1H"})
@Import(MutableClock.Config.class)
abstract class PeopleContract extends ApiTestSupport {

    static final String PASSWORD = "twelve chars ok";

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MutableClock clock;

    @Test
    void passwordsAreStoredAsAdaptiveHashesOnly() {
        String node = id("hash");
        register(node, "order-sync");
        SignedInPerson admin = people.createNodeAdmin(node, " Admin@" + node + ".TEST ", "Admin", PASSWORD);
        assertThat(admin.email()).isEqualTo("admin@" + node + ".test");
        String stored = jdbc.sql("SELECT password_hash FROM person WHERE email = ?").param(admin.email()).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2a$10$").doesNotContain(PASSWORD);
        assertThat(passwords.matches(PASSWORD, stored)).isTrue();
        assertThat(passwords.matches("twelve chars OK", stored)).isFalse();
        assertThat(admin.principal()).isEqualTo(Principal.node(node));
        assertThat(people.loadUserByUsername("ADMIN@" + node + ".test").role()).isEqualTo(PersonRole.NODE_ADMIN);
        assertThatThrownBy(() -> people.createNodeAdmin(node, admin.email(), "Again", PASSWORD)).isInstanceOf(ConflictException.class);
    }

    @Test
    void everyBadFieldIsReportedWithItsPath() {
        assertThat(people.checkNewAdmin("not-an-email", " ", "short").stream().map(Problem::path).toList())
                .containsExactly("admin.email", "admin.name", "admin.password");
        String node = id("inv");
        register(node, "order-sync");
        SignedInPerson admin = people.createNodeAdmin(node, "a@" + node + ".test", "A", PASSWORD);
        assertThatThrownBy(() -> people.invite(node, "nobody", "PLATFORM_OPERATOR", admin)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().stream().map(Problem::path).toList()).containsExactly("email", "role"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE node_id = ?").param(node).query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheNodesAdminsInviteAndAnInvitationIsUsedOnceBeforeItExpires() {
        String node = id("team");
        String other = id("other");
        register(node, "order-sync");
        register(other, "order-sync");
        SignedInPerson admin = people.createNodeAdmin(node, "a@" + node + ".test", "A", PASSWORD);
        SignedInPerson stranger = people.createNodeAdmin(other, "a@" + other + ".test", "B", PASSWORD);
        assertThatThrownBy(() -> people.invite(node, "x@" + node + ".test", "VIEWER", stranger)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> people.members(node, stranger.principal())).isInstanceOf(ForbiddenException.class);

        People.Invitation invitation = people.invite(node, "v@" + node + ".test", "VIEWER", admin);
        String token = invitation.link().substring("/invitations/".length());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE token_hash = ?").param(token).query(Long.class).single()).isZero();
        assertThat(people.pendingInvitations(node, admin.principal())).extracting(People.Invitation::email).containsExactly("v@" + node + ".test");
        SignedInPerson viewer = people.accept(token, "Vera", PASSWORD);
        assertThat(viewer.role()).isEqualTo(PersonRole.VIEWER);
        assertThat(viewer.mayAct()).isFalse();
        assertThat(viewer.nodeId()).isEqualTo(node);
        assertThatThrownBy(() -> people.accept(token, "Vera again", PASSWORD)).isInstanceOf(NotFoundException.class);
        assertThat(people.members(node, admin.principal())).extracting(People.Member::email)
                .containsExactly("a@" + node + ".test", "v@" + node + ".test");

        // Seven days and a minute later, an invitation is gone.
        People.Invitation late = people.invite(node, "late@" + node + ".test", "NODE_OPERATOR", admin);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        String lateToken = late.link().substring("/invitations/".length());
        assertThat(people.openInvitation(lateToken)).isEmpty();
        assertThatThrownBy(() -> people.accept(lateToken, "Late", PASSWORD)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void twoSimultaneousAcceptsOfOneInvitationMakeOneAccount() throws Exception {
        String node = id("race");
        register(node, "order-sync");
        SignedInPerson admin = people.createNodeAdmin(node, "a@" + node + ".test", "A", PASSWORD);
        String token = people.invite(node, "r@" + node + ".test", "NODE_OPERATOR", admin).link().substring("/invitations/".length());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Boolean> accept = () -> {
                try {
                    people.accept(token, "Racer", PASSWORD);
                    return true;
                } catch (NotFoundException | ConflictException | org.springframework.dao.DataAccessException lost) {
                    return false;
                }
            };
            List<Future<Boolean>> results = pool.invokeAll(List.of(accept, accept, accept, accept));
            long won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE email = ?").param("r@" + node + ".test").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void adminsRemovePeopleButNeverTheLastAdminAndPeopleChangeTheirPassword() {
        String node = id("rm");
        String other = id("rm-other");
        register(node, "order-sync");
        register(other, "order-sync");
        SignedInPerson admin = people.createNodeAdmin(node, "a@" + node + ".test", "A", PASSWORD);
        SignedInPerson stranger = people.createNodeAdmin(other, "a@" + other + ".test", "B", PASSWORD);
        String token = people.invite(node, "o@" + node + ".test", "NODE_OPERATOR", admin).link().substring("/invitations/".length());
        SignedInPerson colleague = people.accept(token, "O", PASSWORD);
        assertThatThrownBy(() -> people.remove(node, colleague.email(), stranger)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> people.remove(node, colleague.email(), colleague)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> people.remove(node, admin.email(), admin)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> people.remove(node, stranger.email(), admin)).isInstanceOf(NotFoundException.class);
        people.remove(node, colleague.email(), admin);
        assertThat(people.members(node, admin.principal())).extracting(People.Member::email).containsExactly(admin.email());

        assertThatThrownBy(() -> people.changePassword(admin.email(), "not my password", "a brand new secret"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().stream().map(Problem::path).toList()).containsExactly("current"));
        assertThatThrownBy(() -> people.changePassword(admin.email(), PASSWORD, "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().stream().map(Problem::path).toList()).containsExactly("password"));
        people.changePassword(admin.email(), PASSWORD, "a brand new secret");
        String stored = jdbc.sql("SELECT password_hash FROM person WHERE email = ?").param(admin.email()).query(String.class).single();
        assertThat(passwords.matches("a brand new secret", stored)).isTrue();
        assertThat(passwords.matches(PASSWORD, stored)).isFalse();
    }
}
