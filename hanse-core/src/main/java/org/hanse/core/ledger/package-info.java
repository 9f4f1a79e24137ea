/** Tamper-evident log: RFC 9162 Merkle hashing and proofs, RFC 8785 canonical JSON, Ed25519-signed checkpoints. */
package org.hanse.core.ledger;
