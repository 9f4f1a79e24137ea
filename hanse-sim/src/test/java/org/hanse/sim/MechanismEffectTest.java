package org.hanse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each Hanse mechanism switched on and off on a reference scenario with a fixed seed, and the metrics moving in the
 * documented direction (docs/SIMULATOR.md).
 */
class MechanismEffectTest {

    static Summary run(String yaml) {
        return Simulator.run(ScenarioReader.parse(yaml, null), 2, null).summary();
    }

    static String reference() throws Exception {
        return java.nio.file.Files.readString(Path.of("../docs/scenarios/reference.yaml"));
    }

    @Test
    void forecastSharingLowersUpstreamBullwhip() {
        String chain = ChenBullwhipValidationTest.chain("decentralized").replace("replications: 20", "replications: 8");
        Summary without = run(chain);
        Summary with = run(chain.replace("links:", "mechanisms: { forecast-sharing: true }\nlinks:"));
        assertThat(with.tiers().get(0).bullwhip().mean()).as("tier 1 faces end demand either way")
                .isCloseTo(without.tiers().get(0).bullwhip().mean(), org.assertj.core.api.Assertions.within(1e-9));
        for (int k = 1; k < 4; k++) {
            assertThat(with.tiers().get(k).bullwhip().mean()).as("tier %s", k + 1).isLessThan(without.tiers().get(k).bullwhip().mean());
        }
        // State vectors carry end demand: the stages behave as Chen et al.'s centralized chain (factory 9.32 instead of ≈ 37).
        assertThat(with.tiers().get(3).bullwhip().mean()).isBetween(9.0, 9.7);
    }

    @Test
    void substitutionShortensTheTimeToRecoverAfterAnUnplannedExit() throws Exception {
        Summary with = run(reference());
        Summary without = run(reference().replace("substitution: true", "substitution: false"));
        Summary.Recovery a = with.network().disruptions().get(0);
        Summary.Recovery b = without.network().disruptions().get(0);
        assertThat(a.kind()).isEqualTo("unplanned-exit");
        assertThat(a.timeToRecoverDays().mean()).isLessThan(b.timeToRecoverDays().mean());
        assertThat(a.performanceLoss().mean()).isLessThan(b.performanceLoss().mean());
        assertThat(with.network().endCustomerFillRate().mean()).isGreaterThan(without.network().endCustomerFillRate().mean());
    }

    @Test
    void aPlannedExitIsCoveredFasterThanAnUnplannedOne() throws Exception {
        Summary planned = run(reference().replace("planned: false", "planned: true"));
        Summary unplanned = run(reference());
        assertThat(planned.network().disruptions().get(0).kind()).isEqualTo("planned-exit");
        assertThat(planned.network().disruptions().get(0).performanceLoss().mean())
                .isLessThanOrEqualTo(unplanned.network().disruptions().get(0).performanceLoss().mean());
    }

    @Test
    void paymentsRecordTheSynchronisationAndALatePayerIsShippedByTheRhythm() throws Exception {
        Summary with = run(reference());
        Summary without = run(reference().replace("payments: true", "payments: false"));
        Summary.Node detmold = with.nodes().stream().filter(n -> n.id().equals("shop-detmold")).findFirst().orElseThrow();
        Summary.Node bielefeld = with.nodes().stream().filter(n -> n.id().equals("shop-detmold")).findFirst().orElseThrow();
        // Detmold pays 12 days late: its payments lag arrivals by ≈ 12 days more than a punctual shop's.
        assertThat(detmold.synchronisationDeviationDays().mean()).isGreaterThan(10);
        assertThat(without.nodes().stream().filter(n -> n.id().equals("shop-detmold")).findFirst().orElseThrow()
                .synchronisationDeviationDays().mean()).isZero();
        Summary.Node detmoldWithout = without.nodes().stream().filter(n -> n.id().equals("shop-detmold")).findFirst().orElseThrow();
        assertThat(detmold.fillRate().mean()).as("batches and spacing limit what a late payer gets").isLessThan(detmoldWithout.fillRate().mean());
        assertThat(bielefeld).isNotNull();
    }

    @Test
    void aPartnerDeliveringPoorlyDropsToPollingAndLosesTheSharedForecast() {
        String chain = ChenBullwhipValidationTest.chain("decentralized").replace("replications: 20", "replications: 8")
                .replace("links:", "mechanisms: { forecast-sharing: true, trust: true }\nlinks:");
        Summary good = run(chain);
        // The wholesaler's deliveries are mostly rejected at inspection: q_q ≈ 0.25, r ≈ 0.4/0.95 + 0.4·0.25/0.98 + 0.2/0.95
        // ≈ 0.73 < 0.8, so the retailer keeps it on the polling list and stops pushing its demand to it.
        Summary poor = run(chain.replace("{ id: wholesaler, tier: 2, lead-time: 2 }", "{ id: wholesaler, tier: 2, lead-time: 2, defect-rate: 1 }"));
        assertThat(good.nodes().get(0).trust().mean()).isGreaterThan(0.95);
        assertThat(poor.nodes().get(0).trust().mean()).isLessThan(0.8);
        assertThat(poor.tiers().get(1).bullwhip().mean()).isGreaterThan(good.tiers().get(1).bullwhip().mean());
        Summary noTrust = run(ChenBullwhipValidationTest.chain("decentralized").replace("replications: 20", "replications: 2"));
        assertThat(noTrust.tiers().get(0).trust().mean()).as("without the mechanism nobody rates").isEqualTo(1.0);
    }
}
