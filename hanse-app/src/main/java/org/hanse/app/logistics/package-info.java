/** Shipments: logistics units against order lines and their ordered milestones; delivery and acceptance feed the buyer's stock. */
package org.hanse.app.logistics;
