/** Logistics–capital synchronisation (RULES 3.7): money, milestones, payment terms, amounts due, synchronisation deviation, credit record and the correction path. */
package org.hanse.core.payment;
