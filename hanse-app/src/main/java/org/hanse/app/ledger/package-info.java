/** Tamper-evident ledger of the network's evidence: an append-only Merkle log with signed checkpoints and proofs. */
package org.hanse.app.ledger;
