package org.hanse.app.network;

import java.util.Optional;

/** Measured transmission delays toward a node (RULES 3.4): their variance lengthens the silence a node is allowed before it counts as gone (base + 2σ). */
public interface DelayAdvice {

    /** Variance in s² of the delays of messages to the node over the recent window; empty without measurements. */
    Optional<Double> delayVarianceSeconds2(String node);
}
