package org.hanse.core.payment;

/** The milestones of a logistics unit, in their only valid order (IN_TRANSIT checkpoints may repeat or be absent). */
public enum Milestone {
    SHIPPED, IN_TRANSIT, DELIVERED, ACCEPTED;

    /** What recording a milestone means for a unit. */
    public enum Step {
        /** The next milestone: record it. */
        APPLY,
        /** Already recorded or already passed: change nothing. */
        DUPLICATE,
        /** Skips a required milestone (e.g. ACCEPTED before DELIVERED): reject. */
        OUT_OF_ORDER
    }

    /**
     * Recording {@code next} after {@code last} (null: nothing yet). {@code newCheckpoint} tells whether an
     * IN_TRANSIT milestone names a checkpoint not seen before.
     */
    public static Step step(Milestone last, Milestone next, boolean newCheckpoint) {
        if (last == null) {
            return next == SHIPPED ? Step.APPLY : Step.OUT_OF_ORDER;
        }
        if (next == last) {
            return next == IN_TRANSIT && newCheckpoint ? Step.APPLY : Step.DUPLICATE;
        }
        if (next.ordinal() < last.ordinal()) {
            return Step.DUPLICATE;
        }
        boolean adjacent = next.ordinal() == last.ordinal() + 1;
        boolean skipsOnlyTransit = last == SHIPPED && next == DELIVERED;
        return adjacent || skipsOnlyTransit ? Step.APPLY : Step.OUT_OF_ORDER;
    }
}
