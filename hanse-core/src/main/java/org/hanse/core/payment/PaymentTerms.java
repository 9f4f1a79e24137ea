package org.hanse.core.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payment terms (DESIGN 3.7) and the amounts they make due for a logistics unit: NET(n) — all n days after
 * delivery; MILESTONE — shares due at milestones (default SHIPPED 30 %, DELIVERED 30 %, ACCEPTED 40 %);
 * ADVANCE(p) — p % before shipping, the rest at delivery. Shares are rounded to the currency and the last
 * instalment takes the remainder, so the instalments always add up to the unit's amount.
 */
public sealed interface PaymentTerms {

    /** One instalment: what triggers it, the amount, and when it is due once the trigger has happened. */
    record Due(String trigger, Money amount, Instant dueAt) {
    }

    /** Instalments for a unit of {@code total} given the milestones reached so far (time of each). */
    List<Due> due(Money total, Map<Milestone, Instant> reached);

    /** NET(n days) after delivery. */
    record Net(int days) implements PaymentTerms {
        public Net {
            if (days < 0 || days > 365) {
                throw new IllegalArgumentException("net days must lie in [0, 365]");
            }
        }

        @Override
        public List<Due> due(Money total, Map<Milestone, Instant> reached) {
            Instant delivered = reached.get(Milestone.DELIVERED);
            return List.of(new Due("NET_" + days, total, delivered == null ? null : delivered.plus(Duration.ofDays(days))));
        }
    }

    /** Shares due at milestones, in percent summing to 100. */
    record MilestoneShares(Map<Milestone, BigDecimal> percent) implements PaymentTerms {

        public static final MilestoneShares DEFAULT = new MilestoneShares(Map.of(
                Milestone.SHIPPED, new BigDecimal("30"), Milestone.DELIVERED, new BigDecimal("30"), Milestone.ACCEPTED, new BigDecimal("40")));

        public MilestoneShares {
            percent = Map.copyOf(new EnumMap<>(percent));
            BigDecimal sum = percent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(new BigDecimal("100")) != 0 || percent.values().stream().anyMatch(p -> p.signum() < 0)) {
                throw new IllegalArgumentException("milestone shares must be ≥ 0 and sum to 100, not " + sum);
            }
        }

        @Override
        public List<Due> due(Money total, Map<Milestone, Instant> reached) {
            List<Due> dues = new ArrayList<>();
            Money assigned = new Money(BigDecimal.ZERO, total.currency());
            List<Milestone> ordered = new ArrayList<>(3);
            for (Milestone m : Milestone.values()) {
                BigDecimal p = percent.get(m);
                if (p != null && p.signum() > 0) {
                    ordered.add(m);
                }
            }
            for (int i = 0; i < ordered.size(); i++) {
                Milestone m = ordered.get(i);
                Money share = i == ordered.size() - 1 ? total.minus(assigned)
                        : total.times(percent.get(m).movePointLeft(2));
                assigned = assigned.plus(share);
                dues.add(new Due(m.name(), share, reached.get(m)));
            }
            return dues;
        }
    }

    /** p % in advance (due before shipping: at once), the rest at delivery. */
    record Advance(BigDecimal percent) implements PaymentTerms {
        public Advance {
            if (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0) {
                throw new IllegalArgumentException("advance must lie in [0, 100] %");
            }
        }

        @Override
        public List<Due> due(Money total, Map<Milestone, Instant> reached) {
            Money advance = total.times(percent.movePointLeft(2));
            return List.of(new Due("ADVANCE", advance, Optional.ofNullable(reached.get(Milestone.SHIPPED)).orElse(null)),
                    new Due(Milestone.DELIVERED.name(), total.minus(advance), reached.get(Milestone.DELIVERED)));
        }
    }
}
