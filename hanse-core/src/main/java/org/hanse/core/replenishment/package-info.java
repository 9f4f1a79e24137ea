/** Replenishment policies a node (or a simulated stage) uses to size its orders: the textbook order-up-to policy with a moving-average forecast, base stock, and the buffer-driven min–max of RULES 3.6. */
package org.hanse.core.replenishment;
