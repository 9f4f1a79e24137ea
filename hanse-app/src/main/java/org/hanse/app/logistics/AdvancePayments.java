package org.hanse.app.logistics;

/** Tells whether a shipment's advance instalments are paid (implemented by the payments module). */
public interface AdvancePayments {

    boolean advancePaid(String shipmentId);
}
