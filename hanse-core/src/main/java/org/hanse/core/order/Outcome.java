package org.hanse.core.order;

/** The supplier's answer to an order (RULES 3.5). */
public enum Outcome {
    /** Capacity sufficient and urgency at or above θ_U: capacity reserved, status pushed in real time. */
    ACCEPTED_COLLABORATIVE,
    /** Capacity sufficient and urgency below θ_U. */
    ACCEPTED_ROUTINE,
    /** Capacity insufficient (or the chain infeasible): constraints and a proposed window are returned. */
    REJECTED;

    /** The trigger-response rule: insufficient capacity or WIP → REJECTED; else collaborative when U ≥ θ_U, routine below. */
    public static Outcome of(boolean capacityOk, boolean wipOk, double urgency, double thetaU) {
        if (!capacityOk || !wipOk) {
            return REJECTED;
        }
        return urgency >= thetaU ? ACCEPTED_COLLABORATIVE : ACCEPTED_ROUTINE;
    }

    public boolean accepted() {
        return this != REJECTED;
    }
}
