/** The Hanse simulator: drives the hanse-core rules over simulated time on whole networks (grows with issue 9). */
package org.hanse.sim;
