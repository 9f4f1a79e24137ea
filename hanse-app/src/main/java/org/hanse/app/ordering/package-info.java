/** Orders: capacity declarations, the trigger-response decision, multi-tier explosion with backward-derived chain schedules, overrides, receipts and status sync. */
package org.hanse.app.ordering;
