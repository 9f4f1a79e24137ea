/** Distributed inventory buffers: append-only stock history, thresholds and zones, state vectors, warnings, the exception protocol with holds and emergency transfers, proxy estimates and spreadsheet import. */
package org.hanse.app.inventory;
