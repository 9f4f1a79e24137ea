/** Prices: each supplier's price list per material (per buyer where negotiated), read by ordering at placement. */
package org.hanse.app.pricing;
