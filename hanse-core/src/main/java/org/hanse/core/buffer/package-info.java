/** Distributed inventory buffers (RULES 3.6): demand and lead-time statistics, safety stock, threshold interval, zones, depletion, warnings and the exception protocol. */
package org.hanse.core.buffer;
