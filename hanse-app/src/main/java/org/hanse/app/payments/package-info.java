/** Payments: terms per pair or order, payments matched to the logistics units and milestones they pay, unmatched payments, synchronisation deviation and credit record. */
package org.hanse.app.payments;
