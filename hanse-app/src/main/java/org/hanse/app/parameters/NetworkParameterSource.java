package org.hanse.app.parameters;

import org.hanse.core.parameters.NetworkParameters;

/** The port every rule call site reads its parameters through: the current set, and a pair's with its negotiated values. */
public interface NetworkParameterSource {

    /** The current set with its version. */
    ParameterSet current();

    /** The current set with the pair's negotiated values in place (the set's version stays the network's). */
    ParameterSet forPair(String buyer, String supplier);

    /** Convenience: the current parameters. */
    default NetworkParameters parameters() {
        return current().parameters();
    }
}
