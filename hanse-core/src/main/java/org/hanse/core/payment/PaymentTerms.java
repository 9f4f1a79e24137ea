package org.hanse.core.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Payment terms (RULES 3.7) and the amounts they make due for a logistics unit: NET(n) — all n days after
 * delivery; MILESTONE — shares due at milestones (default SHIPPED 30 %, DELIVERED 30 %, ACCEPTED 40 %);
 * ADVANCE(p) — p % before shipping, the rest at delivery. Shares are rounded to the currency and the last
 * instalment takes the remainder, so the instalments always add up to the unit's amount.
 */
public sealed interface PaymentTerms {

    /** One instalment: what triggers it, the amount, and when it is due once the trigger has happened. */
    record Due(String trigger, Money amount, Instant dueAt) {
    }

    /**
     * One share of a unit's amount, in percent: due {@code after} the milestone {@code trigger} was reached, named
     * {@code label} on the instalment.
     */
    record Share(String label, Milestone trigger, Duration after, BigDecimal percent) {
    }

    /** The shares these terms split a unit into, in the order their instalments are listed (percentages sum to 100). */
    List<Share> shares();

    /**
     * Instalments for a unit of {@code total} given the milestones reached so far (time of each; an instalment whose
     * milestone is not reached has no due date yet): each share rounded to the currency, the last taking the remainder.
     */
    default List<Due> due(Money total, Map<Milestone, Instant> reached) {
        List<Share> shares = shares();
        List<Due> dues = new ArrayList<>(shares.size());
        Money assigned = new Money(BigDecimal.ZERO, total.currency());
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            Money amount = i == shares.size() - 1 ? total.minus(assigned) : total.times(share.percent().movePointLeft(2));
            assigned = assigned.plus(amount);
            Instant at = reached.get(share.trigger());
            dues.add(new Due(share.label(), amount, at == null ? null : at.plus(share.after())));
        }
        return dues;
    }

    /** 100 %. */
    BigDecimal HUNDRED = new BigDecimal("100");

    /** NET(n days) after delivery. */
    record Net(int days) implements PaymentTerms {
        public Net {
            if (days < 0 || days > 365) {
                throw new IllegalArgumentException("net days must lie in [0, 365]");
            }
        }

        @Override
        public List<Share> shares() {
            return List.of(new Share("NET_" + days, Milestone.DELIVERED, Duration.ofDays(days), HUNDRED));
        }
    }

    /** Shares due at milestones, in percent summing to 100. */
    record MilestoneShares(Map<Milestone, BigDecimal> percent) implements PaymentTerms {

        public static final MilestoneShares DEFAULT = new MilestoneShares(Map.of(
                Milestone.SHIPPED, new BigDecimal("30"), Milestone.DELIVERED, new BigDecimal("30"), Milestone.ACCEPTED, new BigDecimal("40")));

        public MilestoneShares {
            percent = Map.copyOf(new EnumMap<>(percent));
            BigDecimal sum = percent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(HUNDRED) != 0 || percent.values().stream().anyMatch(p -> p.signum() < 0)) {
                throw new IllegalArgumentException("milestone shares must be ≥ 0 and sum to 100, not " + sum);
            }
        }

        @Override
        public List<Share> shares() {
            List<Share> shares = new ArrayList<>(3);
            for (Milestone m : Milestone.values()) {
                BigDecimal p = percent.get(m);
                if (p != null && p.signum() > 0) {
                    shares.add(new Share(m.name(), m, Duration.ZERO, p));
                }
            }
            return shares;
        }
    }

    /** p % in advance (due before shipping: at once), the rest at delivery. */
    record Advance(BigDecimal percent) implements PaymentTerms {
        public Advance {
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("advance must lie in [0, 100] %");
            }
        }

        @Override
        public List<Share> shares() {
            return List.of(new Share("ADVANCE", Milestone.SHIPPED, Duration.ZERO, percent),
                    new Share(Milestone.DELIVERED.name(), Milestone.DELIVERED, Duration.ZERO, HUNDRED.subtract(percent)));
        }
    }
}
