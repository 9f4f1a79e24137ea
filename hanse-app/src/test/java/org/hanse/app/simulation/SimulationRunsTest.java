package org.hanse.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.hanse.app.security.PersonRole;
import org.hanse.app.security.SignedInPerson;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.TooManyRequestsException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.hanse.sim.Scenario;
import org.hanse.sim.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The simulator's limits, with the worker queue run by hand: at most 1 000 node-days a run, 2 queued or running per
 * person, 3 waiting in all, 2 finished kept per person and 3 in all; a finished run keeps its report, not its series.
 */
class SimulationRunsTest {

    /** Runs nothing until told: the runs stay queued, so the counts are exact. */
    static final class ByHand implements Executor {
        final List<Runnable> queue = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(queue);
            queue.clear();
            now.forEach(Runnable::run);
        }
    }

    final ByHand worker = new ByHand();
    final SimulationRuns runs = new SimulationRuns(Clock.systemUTC(), new SimulationLimits(1000, 2, 3, 2, 3), worker);
    final SignedInPerson ann = person("ann@example.org");
    final SignedInPerson bob = person("bob@example.org");
    final SignedInPerson cem = person("cem@example.org");

    static SignedInPerson person(String email) {
        return new SignedInPerson(email, email, "{noop}x", "n-" + email.charAt(0), PersonRole.NODE_ADMIN);
    }

    /** Four nodes, {@code horizon} days, two replications: 4 · horizon · 2 node-days. */
    static Scenario chain(int horizon) {
        return ScenarioReader.parseUntrusted("""
                name: small-chain
                horizon: %d
                warm-up: 20
                replications: 2
                seed: 7
                policy: { kind: textbook, p: 5, z: 0, allow-negative-orders: true, information-sharing: decentralized }
                nodes:
                  - { id: retailer, tier: 1, lead-time: 2, demand: { kind: normal, mean: 100, sd: 10 } }
                  - { id: wholesaler, tier: 2, lead-time: 2 }
                  - { id: distributor, tier: 3, lead-time: 2 }
                  - { id: factory, tier: 4, lead-time: 2 }
                links:
                  - { buyer: retailer, supplier: wholesaler }
                  - { buyer: wholesaler, supplier: distributor }
                  - { buyer: distributor, supplier: factory }
                """.formatted(horizon));
    }

    @Test
    void aRunLargerThanTheLimitIsRefusedAndNothingIsQueued() {
        // 4 nodes · 200 days · 2 replications = 1 600 node-days > 1 000.
        assertThatThrownBy(() -> runs.start(chain(200), ann)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(new Problem("scenario",
                        "is too large for the server (1600 node-days, at most 1000); run it with 'hanse simulate'")));
        assertThat(runs.list(ann)).isEmpty();
        assertThat(worker.queue).isEmpty();
        // 4 · 125 · 2 = 1 000: exactly the limit passes.
        assertThat(runs.start(chain(125), ann).status()).isEqualTo(SimulationRuns.Status.QUEUED);
    }

    @Test
    void eachPersonMayHaveTwoRunsUnderWayAndTheQueueHoldsThree() {
        runs.start(chain(100), ann);
        runs.start(chain(100), ann);
        assertThatThrownBy(() -> runs.start(chain(100), ann)).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("you have 2 simulation runs queued or running; start another when one has finished");
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        });
        runs.start(chain(100), bob);
        // Three are waiting: Cem has none under way, but the queue is full.
        assertThatThrownBy(() -> runs.start(chain(100), cem)).isInstanceOfSatisfying(TooManyRequestsException.class, e ->
                assertThat(e.getMessage()).isEqualTo("the simulator has 3 runs waiting; try again later"));
        assertThat(runs.list(ann)).hasSize(2);
        assertThat(runs.list(cem)).isEmpty();
        assertThat(worker.queue).hasSize(3);

        worker.runAll();
        assertThat(runs.list(ann)).extracting(SimulationRuns.State::status).containsOnly(SimulationRuns.Status.DONE);
        assertThat(runs.start(chain(100), cem).status()).isEqualTo(SimulationRuns.Status.QUEUED);
    }

    @Test
    void aFinishedRunKeepsItsReportAndSummaryButNotItsDailySeries() {
        SimulationRuns.State state = runs.start(chain(100), ann);
        worker.runAll();
        assertThat(state.status()).isEqualTo(SimulationRuns.Status.DONE);
        assertThat(state.report()).contains("<h2>Tiers</h2>").contains("<svg");
        assertThat(state.result.summary().tiers()).hasSize(4);
        assertThat(state.result.series()).isNull();
        assertThat(state.result.weeklyTrust()).isNull();
    }

    @Test
    void theOldestFinishedRunsAreForgottenBeyondTwoPerPersonAndThreeInAll() {
        String a1 = finished(ann);
        String a2 = finished(ann);
        String a3 = finished(ann);
        // Ann's third finished run pushes her first out.
        assertThat(runs.list(ann)).extracting(SimulationRuns.State::id).containsExactly(a3, a2);
        assertThatThrownBy(() -> runs.read(a1, ann)).isInstanceOf(NotFoundException.class);
        String b1 = finished(bob);
        String b2 = finished(bob);
        // Four finished in all (a2, a3, b1, b2) > 3: the oldest, a2, goes.
        assertThat(runs.list(ann)).extracting(SimulationRuns.State::id).containsExactly(a3);
        assertThat(runs.list(bob)).extracting(SimulationRuns.State::id).containsExactly(b2, b1);
    }

    private String finished(SignedInPerson by) {
        String id = runs.start(chain(100), by).id();
        worker.runAll();
        return id;
    }
}
